//! The name layers applied: a text cut into plain pieces, people's names (their surname and
//! given name apart: [`super::names`]) and place names ([`super::places`]), every piece
//! converted on a line of its own, then a surname put in its surname form and a place name's
//! marked characters in theirs.

use super::config::Config;
use super::converters::Converters;
use super::error::ConvertError;
use super::names::{NAMES_BYTES, Names, name_parts, surname_form};
use super::places::{has_places, place_form, place_pieces};
use super::script::Script;
use crate::article::{Region, SourceScript};

impl Converters {
    /// [`Converters::convert_text`] with the names `names` converted as names
    /// ([`Names`]: apart from the words around them, a surname in its surname form), and
    /// place names too ([`super::places`]; in texts of at most [`NAMES_BYTES`]).
    pub fn convert_text_names(
        &self,
        text: &str,
        source: (SourceScript, Option<Region>),
        target: Script,
        names: &Names,
    ) -> Result<String, ConvertError> {
        let places =
            |c: Config| c.from_simplified() && text.len() <= NAMES_BYTES && has_places(text);
        match self.config_for(source, target) {
            Some(c) if !names.is_empty() || places(c) => Ok(self
                .convert_many(c, &[text], names)?
                .pop()
                .unwrap_or_default()),
            Some(c) => self.convert_str(c, text),
            None => Ok(text.to_string()),
        }
    }

    /// Converts each of `strings` with `config`, in one OpenCC call, the names `names` as
    /// names: each string is cut at the names it holds ([`Names::pieces`]) and each name
    /// into its parts ([`name_parts`]), and from simplified script the rest at the place
    /// names it holds ([`place_pieces`]); every piece is converted on a line of its own (so
    /// OpenCC's phrases never take a name's character together with its neighbours'), a
    /// surname takes its surname form ([`surname_form`]) and a place name its marked
    /// characters' ([`place_form`]).
    pub(super) fn convert_many(
        &self,
        config: Config,
        strings: &[&str],
        names: &Names,
    ) -> Result<Vec<String>, ConvertError> {
        let places = config.from_simplified() && strings.iter().any(|s| has_places(s));
        if names.is_empty() && !places {
            return self.convert_lines(config, strings);
        }
        // Each string as pieces (text, a name's parts, a place name), each with its role.
        let cut: Vec<Vec<(&str, Role)>> = strings
            .iter()
            .map(|s| {
                names
                    .pieces(s)
                    .into_iter()
                    .flat_map(|(p, is_name)| -> Vec<(&str, Role)> {
                        match (is_name, places) {
                            (true, _) => name_parts(p)
                                .into_iter()
                                .map(|(q, surname)| {
                                    (q, if surname { Role::Surname } else { Role::Text })
                                })
                                .collect(),
                            (false, true) => place_pieces(p)
                                .into_iter()
                                .map(|(q, mask)| (q, mask.map_or(Role::Text, Role::Place)))
                                .collect(),
                            (false, false) => vec![(p, Role::Text)],
                        }
                    })
                    .collect()
            })
            .collect();
        let flat: Vec<&str> = cut.iter().flatten().map(|(p, _)| *p).collect();
        let mut converted = self.convert_lines(config, &flat)?.into_iter();
        Ok(cut
            .iter()
            .map(|pieces| {
                pieces
                    .iter()
                    .map(|&(p, role)| {
                        let c = converted.next().unwrap_or_default();
                        match role {
                            Role::Text => c,
                            Role::Surname => surname_form(config, p, c),
                            Role::Place(mask) => place_form(config, p, mask, c),
                        }
                    })
                    .collect()
            })
            .collect())
    }
}

/// What a piece of text is to [`Converters::convert_many`].
#[derive(Debug, Clone, Copy)]
enum Role {
    /// Text, or a part of a name that is not its surname.
    Text,
    /// A person's surname.
    Surname,
    /// A place name, with its mask ([`place_form`]).
    Place(&'static str),
}
