//! A Fenwick (binary indexed) tree of row counts: prefix sums and "which block
//! holds row N" in O(log n), and O(log n) updates when an estimated height is
//! replaced by the exact one. This is what keeps jumps in a 50 MB article fast
//! without wrapping all of it.

/// Row counts per block with prefix sums.
#[derive(Debug, Clone, Default)]
pub struct Fenwick {
    tree: Vec<usize>,
    values: Vec<usize>,
    total: usize,
}

impl Fenwick {
    /// Builds the tree over `values` in O(n).
    #[must_use]
    pub fn new(values: Vec<usize>) -> Self {
        let mut tree = values.clone();
        for index in 0..tree.len() {
            let parent = index | (index + 1);
            if parent < tree.len() {
                tree[parent] += tree[index];
            }
        }
        let total = values.iter().sum();
        Self { tree, values, total }
    }

    /// Sum of all values.
    #[must_use]
    pub fn total(&self) -> usize {
        self.total
    }

    /// The value at `index` (0 past the end).
    #[must_use]
    pub fn get(&self, index: usize) -> usize {
        self.values.get(index).copied().unwrap_or(0)
    }

    /// Replaces the value at `index` (ignored past the end).
    pub fn set(&mut self, index: usize, value: usize) {
        let Some(old) = self.values.get(index).copied() else { return };
        if old == value {
            return;
        }
        self.values[index] = value;
        self.total = self.total - old + value;
        let mut node = index;
        while node < self.tree.len() {
            self.tree[node] = self.tree[node] - old + value;
            node |= node + 1;
        }
    }

    /// Sum of the values before `index`.
    #[must_use]
    pub fn prefix(&self, index: usize) -> usize {
        let mut sum = 0;
        let mut end = index.min(self.tree.len());
        while end > 0 {
            sum += self.tree[end - 1];
            end &= end - 1;
        }
        sum
    }

    /// The entry holding unit `target` (0-based) and the offset inside it;
    /// `None` when `target` is not below the total.
    #[must_use]
    pub fn find(&self, target: usize) -> Option<(usize, usize)> {
        if target >= self.total {
            return None;
        }
        let mut position = 0;
        let mut remaining = target;
        let mut step = self.tree.len().next_power_of_two();
        while step > 0 {
            let next = position + step;
            if next <= self.tree.len() && self.tree[next - 1] <= remaining {
                position = next;
                remaining -= self.tree[next - 1];
            }
            step /= 2;
        }
        Some((position, remaining))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefix_find_and_set_agree_with_a_plain_sum() {
        let values = vec![3, 0, 2, 5, 0, 1, 4];
        let mut tree = Fenwick::new(values.clone());
        let mut plain = values;
        for round in 0..3 {
            for index in 0..=plain.len() {
                assert_eq!(tree.prefix(index), plain[..index].iter().sum::<usize>());
            }
            let mut row = 0;
            for (index, value) in plain.iter().enumerate() {
                for offset in 0..*value {
                    assert_eq!(tree.find(row), Some((index, offset)));
                    row += 1;
                }
            }
            assert_eq!(tree.find(row), None);
            tree.set(round * 2, 7);
            plain[round * 2] = 7;
        }
        assert_eq!(tree.total(), plain.iter().sum::<usize>());
        assert_eq!(tree.get(99), 0);
        assert!(Fenwick::new(Vec::new()).find(0).is_none());
    }
}
