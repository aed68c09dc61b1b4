//! The threads that feed the main loop's one channel: terminal input, signals (SIGTERM,
//! SIGHUP) and the minute changing. Nothing here draws; nothing here waits on a timer to
//! draw.

use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use chrono::Timelike;
use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;

use super::app::AppEvent;

/// Starts the input, signal and minute threads. They stop when the receiver is dropped.
pub fn spawn(tx: &Sender<AppEvent>) -> std::io::Result<()> {
    let input = tx.clone();
    thread::Builder::new().name("input".into()).spawn(move || {
        loop {
            let event = match event::read() {
                Ok(Event::Key(key)) => AppEvent::Key(key),
                Ok(Event::Resize(..)) => AppEvent::Resize,
                Ok(_) => continue,
                // The terminal is gone (SSH drop): stop rather than spin.
                Err(_) => AppEvent::Stop,
            };
            let stop = matches!(event, AppEvent::Stop);
            if input.send(event).is_err() || stop {
                break;
            }
        }
    })?;

    let mut signals = Signals::new([SIGTERM, SIGHUP])?;
    let signal = tx.clone();
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            if signals.forever().next().is_some() {
                let _ = signal.send(AppEvent::Stop);
            }
        })?;

    let minute = tx.clone();
    thread::Builder::new()
        .name("minute".into())
        .spawn(move || {
            loop {
                let now = chrono::Utc::now();
                let to_next = 60 - u64::from(now.second()).min(59);
                thread::sleep(Duration::from_secs(to_next));
                if minute.send(AppEvent::Minute).is_err() {
                    break;
                }
            }
        })?;
    Ok(())
}
