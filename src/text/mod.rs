//! Text layout for the terminal.

pub mod wrap;
