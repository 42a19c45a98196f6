//! Which nodes of a directed graph lie on a cycle, in time linear in the graph (Tarjan's
//! strongly connected components, iterative so deep graphs do not overflow the stack). Used
//! for alias cycles (`check`: a chain of plain references back to itself; the backend: an
//! alias that reaches itself through containers becomes a newtype).

/// `on_cycle[i]`: node `i` is in a strongly connected component of two or more nodes, or has
/// an edge to itself. `edges[i]` lists the successors of node `i`.
pub fn on_cycle(edges: &[Vec<usize>]) -> Vec<bool> {
    let n = edges.len();
    let mut index = vec![usize::MAX; n];
    let mut low = vec![0; n];
    let mut on_stack = vec![false; n];
    let mut stack = Vec::new();
    let mut result = vec![false; n];
    let mut next = 0;
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
                let mut members = Vec::new();
                while let Some(w) = stack.pop() {
                    on_stack[w] = false;
                    members.push(w);
                    if w == v {
                        break;
                    }
                }
                let cyclic = members.len() > 1 || edges[v].contains(&v);
                for w in members {
                    result[w] = cyclic;
                }
            }
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::on_cycle;

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
    fn a_long_chain_is_linear_and_does_not_overflow() {
        let n = 200_000;
        let mut edges: Vec<Vec<usize>> = (0..n).map(|i| vec![i + 1]).collect();
        edges[n - 1] = vec![0];
        assert!(on_cycle(&edges).iter().all(|c| *c));
        edges[n - 1] = vec![];
        assert!(on_cycle(&edges).iter().all(|c| !*c));
    }
}
