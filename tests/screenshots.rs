//! Generates `screenshots/` from demo data with a fixed clock, and fails when a screen
//! changed without its screenshot being regenerated. Regenerate with
//! `UPDATE_SCREENSHOTS=1 cargo test --test screenshots`. The README's roster block is kept
//! equal to `screenshots/roster.txt` the same way.

mod support;

use std::fmt::Write as _;
use std::path::PathBuf;

use mentas::ui::app::App;
use mentas::ui::text::Lang;
use mentas::ui::theme::Theme;
use ratatui::buffer::Buffer;
use ratatui::crossterm::event::KeyCode;
use ratatui::style::{Color, Modifier};
use support::*;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn updating() -> bool {
    std::env::var_os("UPDATE_SCREENSHOTS").is_some()
}

/// Writes or checks one file.
fn keep(path: PathBuf, content: &str) {
    if updating() {
        std::fs::write(&path, content).unwrap();
        return;
    }
    let stored = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        stored == content,
        "{} is out of date: run UPDATE_SCREENSHOTS=1 cargo test --test screenshots",
        path.display()
    );
}

/// The 16 named colours as a PuTTY-like palette.
fn rgb(c: Color, fg: bool) -> &'static str {
    match c {
        Color::Reset if fg => "#d0d0d0",
        Color::Reset => "#1c1c1c",
        Color::Black => "#1c1c1c",
        Color::Red => "#bb0000",
        Color::Green => "#00bb00",
        Color::Yellow => "#bbbb00",
        Color::Blue => "#2a4fbb",
        Color::Magenta => "#bb00bb",
        Color::Cyan => "#00bbbb",
        Color::Gray => "#bbbbbb",
        Color::DarkGray => "#777777",
        Color::LightRed => "#ff5555",
        Color::LightGreen => "#55ff55",
        Color::LightYellow => "#ffff55",
        Color::LightBlue => "#5555ff",
        Color::LightMagenta => "#ff55ff",
        Color::LightCyan => "#55ffff",
        Color::White => "#ffffff",
        _ => "#d0d0d0",
    }
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The buffer as an SVG picture of a terminal, colours and all.
fn svg(buffer: &Buffer) -> String {
    let (cw, ch) = (9.0_f32, 18.0_f32);
    let area = buffer.area;
    let mut out = String::new();
    let (w, h) = (area.width as f32 * cw, area.height as f32 * ch);
    writeln!(out, r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="DejaVu Sans Mono, monospace" font-size="15">"#).unwrap();
    writeln!(out, r##"<rect width="{w}" height="{h}" fill="#1c1c1c"/>"##).unwrap();
    for y in 0..area.height {
        for x in 0..area.width {
            let cell = &buffer[(x, y)];
            let reversed = cell.modifier.contains(Modifier::REVERSED);
            let (mut fg, mut bg) = (rgb(cell.fg, true), rgb(cell.bg, false));
            if reversed {
                (fg, bg) = (rgb(cell.bg, false), rgb(cell.fg, true));
            }
            let (px, py) = (x as f32 * cw, y as f32 * ch);
            if bg != "#1c1c1c" {
                writeln!(
                    out,
                    r#"<rect x="{px}" y="{py}" width="{cw}" height="{ch}" fill="{bg}"/>"#
                )
                .unwrap();
            }
            let sym = cell.symbol();
            if !sym.trim().is_empty() {
                let weight = if cell.modifier.contains(Modifier::BOLD) {
                    r#" font-weight="bold""#
                } else {
                    ""
                };
                let ty = py + ch * 0.78;
                writeln!(
                    out,
                    r#"<text x="{px}" y="{ty}" fill="{fg}"{weight}>{}</text>"#,
                    escape(sym)
                )
                .unwrap();
            }
        }
    }
    out.push_str("</svg>\n");
    out
}

fn shoot(name: &str, app: &App, w: u16, h: u16) -> String {
    let buf = render(app, w, h);
    let txt = text(&buf) + "\n";
    keep(root().join("screenshots").join(format!("{name}.txt")), &txt);
    keep(
        root().join("screenshots").join(format!("{name}.svg")),
        &svg(&buf),
    );
    txt
}

fn coloured(lang: Lang) -> (App, tempfile::TempDir) {
    // What `mentas --demo` shows at this clock, today's shifts included.
    let dir = tempfile::tempdir().unwrap();
    let mut app = app_on(started_demo_service(&dir, 100), lang);
    app.theme = Theme::colour();
    (app, dir)
}

#[test]
fn screenshots_are_current() {
    let (mut app, _dir) = coloured(Lang::Id);
    let roster = shoot("roster", &app, 80, 24);
    assert!(roster.contains("100 dari 100 klien"));
    shoot("roster-120x40", &app, 120, 40);

    key(&mut app, KeyCode::Char('/'));
    type_text(&mut app, "muhamad");
    shoot("search", &app, 80, 24);
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    shoot("detail", &app, 80, 24);
    key(&mut app, KeyCode::Esc);
    key(&mut app, KeyCode::Char('c'));

    key(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Sukirno");
    key(&mut app, KeyCode::Tab);
    key(&mut app, KeyCode::Tab);
    type_text(&mut app, "35140217058");
    ctrl(&mut app, 's');
    shoot("form-error", &app, 80, 24);

    // The screen mentas opens on, and this shift's roll call half taken.
    let dir = tempfile::tempdir().unwrap();
    let mut shift = app_opening(started_demo_service(&dir, 100), Lang::Id);
    shift.theme = Theme::colour();
    shoot("today", &shift, 80, 24);
    key(&mut shift, KeyCode::Char('3'));
    for _ in 0..30 {
        key(&mut shift, KeyCode::Char('h'));
    }
    key(&mut shift, KeyCode::Char('s'));
    shoot("roll-call", &shift, 80, 24);

    let (mut en, _dir_en) = coloured(Lang::En);
    key(&mut en, KeyCode::Char('s'));
    shoot("status-en", &en, 80, 24);

    // The README shows the roster as it is.
    let readme_path = root().join("README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let marker = "<!-- roster -->\n```\n";
    let start = readme.find(marker).expect("README has a roster block") + marker.len();
    let end = start
        + readme[start..]
            .find("```\n<!-- /roster -->")
            .expect("roster block ends");
    let updated = format!("{}{roster}{}", &readme[..start], &readme[end..]);
    keep(readme_path, &updated);
}
