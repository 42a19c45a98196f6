//! Strongly connected components of a directed graph and which nodes lie on a cycle, in time
//! linear in the graph (Tarjan's algorithm, iterative so deep graphs do not overflow the
//! stack). Used for alias cycles (`check`: a chain of plain references back to itself; the
//! backend: an alias that reaches itself through containers becomes a newtype) and for boxing
//! recursive references (the backend: a reference is boxed when its target reaches back).

/// `on_cycle[i]`: node `i` is in a strongly connected component of two or more nodes, or has
/// an edge to itself. `edges[i]` lists the successors of node `i`.
pub fn on_cycle(edges: &[Vec<usize>]) -> Vec<bool> {
    let component = components(edges);
    let mut size = vec![0usize; edges.len()];
    for &c in &component {
        size[c] += 1;
    }
    (0..edges.len())
        .map(|i| size[component[i]] > 1 || edges[i].contains(&i))
        .collect()
}

/// `components[i]`: the strongly connected component of node `i`, numbered from 0. Two nodes
/// have the same number exactly when each reaches the other.
pub fn components(edges: &[Vec<usize>]) -> Vec<usize> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut result = vec![0; n];
    let mut next = 0;
    let mut count = 0;
    for root in 0..n {
        if index[root] != usize::MAX {
            continue;
        }
        // (node, position of the next successor to visit)
        let mut work = vec![(root, 0usize)];
        while let Some(&mut (v, ref mut pos)) = work.last_mut() {
            if *pos == 0 {
                index[v] = next;
                low[v] = next;
                next += 1;
                stack.push(v);
                on_stack[v] = true;
            }
            if let Some(&w) = edges[v].get(*pos) {
                *pos += 1;
                if index[w] == usize::MAX {
                    work.push((w, 0));
                } else if on_stack[w] {
                    low[v] = low[v].min(index[w]);
                }
                continue;
            }
            work.pop();
            if let Some(&(parent, _)) = work.last() {
                low[parent] = low[parent].min(low[v]);
            }
            if low[v] == index[v] {
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    result[w] = count;
                    if w == v {
                        break;
                    }
                }
                count += 1;
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::{components, on_cycle};

    #[test]
    fn finds_exactly_the_nodes_on_cycles() {
        // 0 → 1 → 2 → 0, 3 → 0, 4 → 4, 5 alone, 6 → 7.
        let edges = vec![
            vec![1],
            vec![2],
            vec![0],
            vec![0],
            vec![4],
            vec![],
            vec![7],
            vec![],
        ];
        assert_eq!(
            on_cycle(&edges),
            vec![true, true, true, false, true, false, false, false]
        );
    }

    #[test]
    fn components_group_exactly_the_nodes_that_reach_each_other() {
        // {0, 1, 2} a cycle, 3 → 0, {4} with a self edge, 5 → 6 → 5.
        let edges = vec![
            vec![1],
            vec![2],
            vec![0, 3],
            vec![0],
            vec![4],
            vec![6],
            vec![5],
        ];
        let c = components(&edges);
        assert_eq!(c[0], c[1]);
        assert_eq!(c[1], c[2]);
        assert_eq!(c[2], c[3]);
        assert_ne!(c[0], c[4]);
        assert_eq!(c[5], c[6]);
        assert_ne!(c[5], c[0]);
        assert_ne!(c[5], c[4]);
        let c = components(&[vec![1], vec![2], vec![]]);
        assert!(c[0] != c[1] && c[1] != c[2] && c[0] != c[2]);
    }

    #[test]
    fn a_long_chain_is_linear_and_does_not_overflow() {
        let n = 200_000;
        let mut edges: Vec<Vec<usize>> = (0..n).map(|i| vec![i + 1]).collect();
        edges[n - 1] = vec![0];
        assert!(on_cycle(&edges).iter().all(|c| *c));
        edges[n - 1] = vec![];
        assert!(on_cycle(&edges).iter().all(|c| !*c));
    }
}
