//! The sentence the browser binding's panic hook writes to `globalThis.__petaCerdasPanic` and
//! the console. Pure, so it is tested natively; the hook itself lives in `web`.

use std::panic::PanicHookInfo;

/// "peta-cerdas crashed: MESSAGE (at FILE:LINE:COLUMN)", one line for the element to show.
pub fn panic_message(info: &PanicHookInfo<'_>) -> String {
    let payload = info.payload();
    let message = payload
        .downcast_ref::<&str>()
        .copied()
        .or_else(|| payload.downcast_ref::<String>().map(String::as_str))
        .unwrap_or("an unexplained panic");
    let place = info
        .location()
        .map(|location| format!(" (at {}:{}:{})", location.file(), location.line(), location.column()))
        .unwrap_or_default();
    // One line: the element shows it in a single alert.
    let message: String = message.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("peta-cerdas crashed: {message}{place}")
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    /// Panics inside a hook that records what `panic_message` says, then restores the hook.
    fn message_of(panic: impl FnOnce() + std::panic::UnwindSafe) -> String {
        static SEEN: Mutex<Option<String>> = Mutex::new(None);
        static HOOK: Mutex<()> = Mutex::new(());
        let _only_one = HOOK.lock().unwrap_or_else(|e| e.into_inner());
        let previous = std::panic::take_hook();
        // Only this thread's panic: tests on other threads may panic meanwhile.
        let this = std::thread::current().id();
        std::panic::set_hook(Box::new(move |info| {
            if std::thread::current().id() == this {
                *SEEN.lock().unwrap() = Some(panic_message(info));
            }
        }));
        let result = std::panic::catch_unwind(panic);
        std::panic::set_hook(previous);
        assert!(result.is_err(), "the closure panicked");
        SEEN.lock().unwrap().take().expect("the hook ran")
    }

    #[test]
    fn names_the_message_and_the_place_on_one_line() {
        let line = line!() + 1;
        let message = message_of(|| panic!("index {} out of\nrange", 7));
        assert!(message.starts_with("peta-cerdas crashed: index 7 out of range (at "), "{message}");
        assert!(message.ends_with(&format!("src/panic_message.rs:{line}:37)")), "{message}");
        assert!(!message.contains('\n'));
    }

    #[test]
    fn handles_static_and_unknown_payloads() {
        let message = message_of(|| panic!("plain"));
        assert!(message.starts_with("peta-cerdas crashed: plain (at "), "{message}");
        let message = message_of(|| std::panic::panic_any(42_u8));
        assert!(message.starts_with("peta-cerdas crashed: an unexplained panic (at "), "{message}");
    }
}
