//! A small W3C WebDriver client: the handful of endpoints the tests use.

use std::time::{Duration, Instant};

use serde_json::{json, Value};

const ELEMENT_KEY: &str = "element-6066-11e4-a52e-4f735466cecf";

pub struct Session {
    base: String,
    id: String,
}

#[derive(Clone)]
pub struct Element(String);

fn check(response: Result<ureq::Response, ureq::Error>) -> Result<Value, String> {
    match response {
        Ok(r) => r.into_json::<Value>().map_err(|e| e.to_string()),
        Err(ureq::Error::Status(code, r)) => {
            Err(format!("HTTP {code}: {}", r.into_string().unwrap_or_default()))
        }
        Err(e) => Err(e.to_string()),
    }
}

impl Session {
    /// Opens a session that launches `application` through tauri-driver on `port`.
    pub fn start(port: u16, application: &str) -> Result<Self, String> {
        let base = format!("http://127.0.0.1:{port}");
        let caps = json!({"capabilities": {"alwaysMatch": {
            "browserName": "wry",
            "tauri:options": {"application": application, "args": []}
        }}});
        let value =
            check(ureq::post(&format!("{base}/session")).timeout(Duration::from_secs(60)).send_json(caps))?;
        let id = value["value"]["sessionId"].as_str().ok_or(format!("no session id in {value}"))?.to_owned();
        Ok(Self { base, id })
    }

    fn url(&self, path: &str) -> String {
        format!("{}/session/{}{path}", self.base, self.id)
    }

    fn post(&self, path: &str, body: Value) -> Value {
        let value = check(ureq::post(&self.url(path)).timeout(Duration::from_secs(30)).send_json(body))
            .unwrap_or_else(|e| panic!("WebDriver POST {path}: {e}"));
        value["value"].clone()
    }

    fn get(&self, path: &str) -> Value {
        let value = check(ureq::get(&self.url(path)).timeout(Duration::from_secs(30)).call())
            .unwrap_or_else(|e| panic!("WebDriver GET {path}: {e}"));
        value["value"].clone()
    }

    /// Runs `script` (a function body; arguments in `arguments`) in the page.
    pub fn script(&self, script: &str, args: Value) -> Value {
        self.post("/execute/sync", json!({"script": script, "args": args}))
    }

    /// Runs `script` in the document of the iframe `frame` (a CSS selector), entered
    /// afresh from the top document; an error (the frame between two documents) is Err.
    fn script_in_frame(&self, frame: &str, script: &str) -> Result<Value, String> {
        let post = |path: &str, body: Value| {
            check(ureq::post(&self.url(path)).timeout(Duration::from_secs(30)).send_json(body))
                .map(|v| v["value"].clone())
        };
        post("/frame", json!({"id": null}))?;
        let element = post("/element", json!({"using": "css selector", "value": frame}))?;
        let id = element[ELEMENT_KEY].as_str().ok_or(format!("no element {frame}"))?.to_owned();
        post("/frame", json!({"id": {ELEMENT_KEY: id}}))?;
        let value = post("/execute/sync", json!({"script": script, "args": []}));
        post("/frame", json!({"id": null}))?;
        value
    }

    /// As `wait_for`, in the document of the iframe `frame`, which may be loading a new
    /// document meanwhile: each try enters the frame as it then is.
    pub fn wait_in_frame(&self, frame: &str, what: &str, timeout: Duration, script: &str) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.script_in_frame(frame, script);
            if let Ok(value) = &value {
                if truthy(value) {
                    return value.clone();
                }
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what} (last: {value:?})");
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    pub fn find(&self, css: &str) -> Element {
        let value = self.post("/element", json!({"using": "css selector", "value": css}));
        Element(value[ELEMENT_KEY].as_str().unwrap_or_else(|| panic!("no element {css}: {value}")).to_owned())
    }

    pub fn click(&self, element: &Element) {
        self.post(&format!("/element/{}/click", element.0), json!({}));
    }

    pub fn type_into(&self, element: &Element, text: &str) {
        self.post(&format!("/element/{}/value", element.0), json!({"text": text}));
    }

    pub fn text(&self, element: &Element) -> String {
        self.get(&format!("/element/{}/text", element.0)).as_str().unwrap_or_default().to_owned()
    }

    /// Waits until `script` returns something truthy and returns it; panics with
    /// `what` and the last value after `timeout`.
    pub fn wait_for(&self, what: &str, timeout: Duration, script: &str) -> Value {
        let deadline = Instant::now() + timeout;
        loop {
            let value = self.script(script, json!([]));
            if truthy(&value) {
                return value;
            }
            if Instant::now() > deadline {
                panic!("timed out waiting for {what} (last value: {value})");
            }
            std::thread::sleep(Duration::from_millis(150));
        }
    }

    /// Presses `keys` one after another on whatever has the focus, as a user types
    /// (WebDriver key codes such as \u{E007} for Enter work too).
    pub fn press(&self, keys: &str) {
        let actions: Vec<Value> = keys
            .chars()
            .flat_map(|c| {
                [
                    json!({"type": "keyDown", "value": c.to_string()}),
                    json!({"type": "keyUp", "value": c.to_string()}),
                ]
            })
            .collect();
        self.post("/actions", json!({"actions": [{"type": "key", "id": "keyboard", "actions": actions}]}));
    }

    /// Ends the session, which closes the app.
    pub fn close(self) {}
}

/// What a waiting script's answer means: null, false, "" and 0 are "not yet".
fn truthy(value: &Value) -> bool {
    match value {
        Value::Null | Value::Bool(false) => false,
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => n.as_f64() != Some(0.0),
        _ => true,
    }
}

/// A session ends with its value, so a failing test closes its app too.
impl Drop for Session {
    fn drop(&mut self) {
        let _ = ureq::delete(&self.url("")).timeout(Duration::from_secs(30)).call();
    }
}
