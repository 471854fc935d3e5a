//! The compact stored form of an article's entities: one line per entity, fields
//! separated by tabs (kind letter, mention count, name, aliases). About a third of the
//! size of the same list as JSON, which matters: entities are stored with every article.

use crate::extract::{Entity, EntityKind};

fn kind_letter(kind: EntityKind) -> char {
    match kind {
        EntityKind::Person => 'p',
        EntityKind::Organization => 'o',
        EntityKind::Place => 'l',
        EntityKind::Other => 'x',
    }
}

fn kind_of(letter: &str) -> Option<EntityKind> {
    match letter {
        "p" => Some(EntityKind::Person),
        "o" => Some(EntityKind::Organization),
        "l" => Some(EntityKind::Place),
        "x" => Some(EntityKind::Other),
        _ => None,
    }
}

/// A name with tabs and line breaks turned into spaces.
fn clean(name: &str) -> String {
    name.replace(['\t', '\n', '\r'], " ")
}

/// Encodes `entities` (see the module docs).
pub fn encode_entities(entities: &[Entity]) -> String {
    let mut out = String::new();
    for e in entities {
        out.push(kind_letter(e.kind));
        out.push('\t');
        out.push_str(&e.mentions.to_string());
        out.push('\t');
        out.push_str(&clean(&e.name));
        for alias in &e.aliases {
            out.push('\t');
            out.push_str(&clean(alias));
        }
        out.push('\n');
    }
    out
}

/// Decodes what [`encode_entities`] wrote; lines that do not parse are skipped.
pub fn decode_entities(stored: &str) -> Vec<Entity> {
    stored
        .lines()
        .filter_map(|line| {
            let mut fields = line.split('\t');
            let kind = kind_of(fields.next()?)?;
            let mentions = fields.next()?.parse().ok()?;
            let name = fields.next()?.to_string();
            Some(Entity {
                kind,
                name,
                aliases: fields.map(String::from).collect(),
                mentions,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entities_round_trip() {
        let entities = vec![
            Entity {
                kind: EntityKind::Person,
                name: "Vladimir Putin".into(),
                aliases: vec!["Putin".into(), "President\tPutin".into()],
                mentions: 7,
            },
            Entity {
                kind: EntityKind::Place,
                name: "Kursk".into(),
                aliases: vec![],
                mentions: 1,
            },
        ];
        let decoded = decode_entities(&encode_entities(&entities));
        assert_eq!(decoded[0].aliases, ["Putin", "President Putin"]);
        assert_eq!(decoded[1], entities[1]);
        assert_eq!(decoded.len(), 2);
        assert!(decode_entities("garbage\n\tq\t1\tname").is_empty());
    }
}
