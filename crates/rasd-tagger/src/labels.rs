//! The label set (IOB2 over ANERcorp's PERS/LOC/ORG/MISC), per-token tags and entity spans.
//!
//! Labels are kept as a small dense index (0 = `O`, then B/I for each type) because the
//! decoder works on score arrays indexed by label. [`spans`] turns a tag sequence into
//! entity spans with the conlleval convention, so a stray `I-X` (after `O` or after another
//! type) starts a new entity instead of being dropped.

/// Entity type, spelled as in ANERcorp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// Person (`PERS`).
    Pers,
    /// Location (`LOC`).
    Loc,
    /// Organisation (`ORG`).
    Org,
    /// Miscellaneous (`MISC`).
    Misc,
}

impl EntityType {
    /// All types in label-index order.
    pub const ALL: [EntityType; 4] = [
        EntityType::Pers,
        EntityType::Loc,
        EntityType::Org,
        EntityType::Misc,
    ];

    /// ANERcorp spelling (`PERS`, `LOC`, `ORG`, `MISC`).
    pub fn as_str(self) -> &'static str {
        match self {
            EntityType::Pers => "PERS",
            EntityType::Loc => "LOC",
            EntityType::Org => "ORG",
            EntityType::Misc => "MISC",
        }
    }

    /// Parse an ANERcorp type name (also accepts `PER`).
    pub fn parse(s: &str) -> Option<EntityType> {
        match s {
            "PERS" | "PER" => Some(EntityType::Pers),
            "LOC" => Some(EntityType::Loc),
            "ORG" => Some(EntityType::Org),
            "MISC" => Some(EntityType::Misc),
            _ => None,
        }
    }

    /// Position of the type in PERS, LOC, ORG, MISC order (also the bit of its `B` rule
    /// hint, see [`crate::features::F_HINTS`]).
    pub fn index(self) -> usize {
        match self {
            EntityType::Pers => 0,
            EntityType::Loc => 1,
            EntityType::Org => 2,
            EntityType::Misc => 3,
        }
    }
}

/// An IOB2 label.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Label {
    /// Outside any entity.
    O,
    /// First token of an entity.
    B(EntityType),
    /// Continuation token of an entity.
    I(EntityType),
}

/// Number of labels (O + B/I × 4 types).
pub const NUM_LABELS: usize = 9;

impl Label {
    /// Dense index `0..NUM_LABELS` (O = 0, B-X = 1 + 2·t, I-X = 2 + 2·t).
    pub fn index(self) -> usize {
        match self {
            Label::O => 0,
            Label::B(t) => 1 + 2 * t.index(),
            Label::I(t) => 2 + 2 * t.index(),
        }
    }

    /// Inverse of [`Label::index`]; out-of-range indices give `O`.
    pub fn from_index(i: usize) -> Label {
        if i == 0 || i >= NUM_LABELS {
            return Label::O;
        }
        let t = EntityType::ALL[(i - 1) / 2];
        if (i - 1).is_multiple_of(2) {
            Label::B(t)
        } else {
            Label::I(t)
        }
    }

    /// Parse `O`, `B-PERS`, `I-LOC`, …; unknown strings give `None`.
    pub fn parse(s: &str) -> Option<Label> {
        if s == "O" {
            return Some(Label::O);
        }
        let (p, t) = s.split_once('-')?;
        let t = EntityType::parse(t)?;
        match p {
            "B" => Some(Label::B(t)),
            "I" => Some(Label::I(t)),
            _ => None,
        }
    }

    /// The entity type, if not `O`.
    pub fn entity_type(self) -> Option<EntityType> {
        match self {
            Label::O => None,
            Label::B(t) | Label::I(t) => Some(t),
        }
    }

    /// ANERcorp spelling, e.g. `B-PERS`.
    pub fn as_str(self) -> &'static str {
        const NAMES: [&str; NUM_LABELS] = [
            "O", "B-PERS", "I-PERS", "B-LOC", "I-LOC", "B-ORG", "I-ORG", "B-MISC", "I-MISC",
        ];
        NAMES[self.index()]
    }
}

impl std::fmt::Display for Label {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A predicted tag for one token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tag {
    /// The IOB2 label.
    pub label: Label,
    /// Heuristic confidence in `(0, 1]`: the softmax of the label's max-marginal score
    /// against the other labels at this position. Not a calibrated probability.
    pub confidence: f32,
}

/// An entity span over token indices `start..end` (end exclusive).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Span {
    /// First token index.
    pub start: usize,
    /// One past the last token index.
    pub end: usize,
    /// Entity type.
    pub etype: EntityType,
}

/// Turn labels into entity spans, conlleval-style: `B-X` starts an entity; `I-X` continues
/// the open entity only if it has type X, otherwise (after `O` or another type) it starts one.
pub fn spans_of_labels(labels: &[Label]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut open: Option<(usize, EntityType)> = None;
    for (i, l) in labels.iter().enumerate() {
        match *l {
            Label::O => {
                if let Some((s, t)) = open.take() {
                    out.push(Span {
                        start: s,
                        end: i,
                        etype: t,
                    });
                }
            }
            Label::B(t) => {
                if let Some((s, ot)) = open.take() {
                    out.push(Span {
                        start: s,
                        end: i,
                        etype: ot,
                    });
                }
                open = Some((i, t));
            }
            Label::I(t) => match open {
                Some((_, ot)) if ot == t => {}
                _ => {
                    if let Some((s, ot)) = open.take() {
                        out.push(Span {
                            start: s,
                            end: i,
                            etype: ot,
                        });
                    }
                    open = Some((i, t));
                }
            },
        }
    }
    if let Some((s, t)) = open {
        out.push(Span {
            start: s,
            end: labels.len(),
            etype: t,
        });
    }
    out
}

/// Entity spans of a tag sequence (see [`spans_of_labels`]).
pub fn spans(tags: &[Tag]) -> Vec<Span> {
    let labels: Vec<Label> = tags.iter().map(|t| t.label).collect();
    spans_of_labels(&labels)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn label_roundtrip() {
        for i in 0..NUM_LABELS {
            let l = Label::from_index(i);
            assert_eq!(l.index(), i);
            assert_eq!(Label::parse(l.as_str()), Some(l));
        }
        assert_eq!(Label::parse("B-FOO"), None);
        assert_eq!(Label::parse("X-LOC"), None);
        assert_eq!(Label::from_index(99), Label::O);
    }

    #[test]
    fn spans_follow_conlleval() {
        use EntityType::*;
        let l = [
            Label::B(Pers),
            Label::I(Pers),
            Label::O,
            Label::I(Loc),
            Label::I(Org),
            Label::B(Org),
            Label::I(Org),
        ];
        let s = spans_of_labels(&l);
        assert_eq!(
            s,
            vec![
                Span {
                    start: 0,
                    end: 2,
                    etype: Pers
                },
                Span {
                    start: 3,
                    end: 4,
                    etype: Loc
                },
                Span {
                    start: 4,
                    end: 5,
                    etype: Org
                },
                Span {
                    start: 5,
                    end: 7,
                    etype: Org
                },
            ]
        );
        assert!(spans_of_labels(&[]).is_empty());
    }
}
