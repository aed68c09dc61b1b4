//! Colours: the 16 named ANSI colours (safe on PuTTY and the Linux console), or a
//! monochrome theme under `NO_COLOR` that marks selection with reverse and bold.

use ratatui::style::{Color, Modifier, Style};

/// Every style the UI uses, by purpose.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    pub header: Style,
    pub tab_active: Style,
    pub tab: Style,
    pub table_header: Style,
    pub selected: Style,
    pub dim: Style,
    pub label: Style,
    pub focused_label: Style,
    pub input: Style,
    pub error: Style,
    pub warning: Style,
    pub ok: Style,
    pub key: Style,
    pub border: Style,
    pub title: Style,
}

impl Theme {
    /// Named ANSI colours.
    pub fn colour() -> Theme {
        let plain = Style::new();
        Theme {
            header: Style::new().fg(Color::Black).bg(Color::Cyan),
            tab_active: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            tab: Style::new().fg(Color::Cyan),
            table_header: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            selected: Style::new().fg(Color::Black).bg(Color::White),
            dim: Style::new().fg(Color::DarkGray),
            label: plain,
            focused_label: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            input: Style::new().fg(Color::White).bg(Color::Blue),
            error: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow),
            ok: Style::new().fg(Color::LightGreen),
            key: Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            border: Style::new().fg(Color::Cyan),
            title: Style::new().add_modifier(Modifier::BOLD),
        }
    }

    /// No colour at all: selection and focus by reverse video and bold.
    pub fn mono() -> Theme {
        let plain = Style::new();
        let bold = Style::new().add_modifier(Modifier::BOLD);
        let reverse = Style::new().add_modifier(Modifier::REVERSED);
        Theme {
            header: reverse,
            tab_active: reverse.add_modifier(Modifier::BOLD),
            tab: plain,
            table_header: bold.add_modifier(Modifier::UNDERLINED),
            selected: reverse.add_modifier(Modifier::BOLD),
            dim: plain,
            label: plain,
            focused_label: bold.add_modifier(Modifier::REVERSED),
            input: Style::new().add_modifier(Modifier::UNDERLINED),
            error: bold,
            warning: bold,
            ok: plain,
            key: bold,
            border: plain,
            title: bold,
        }
    }

    /// `mono` when the `NO_COLOR` convention asks for it (set and not empty).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::colour(),
        }
    }
}
