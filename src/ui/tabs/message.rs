//! Message tab: paste or drop a message.

use yew::prelude::*;

use crate::headers::raw;
use crate::i18n::text::Ui;
use crate::ui::app::Ctx;
use crate::ui::drop_zone::DropZone;

/// Paste area, drop zone and what was read.
#[function_component(MessageTab)]
pub fn message_tab() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let text = use_state(String::new);
    let parsed = use_state(|| None::<raw::RawMessage>);
    let oninput = crate::ui::bind_text(&text);
    let analyze = {
        let text = text.clone();
        let parsed = parsed.clone();
        Callback::from(move |_| parsed.set(Some(raw::parse(text.as_bytes()))))
    };
    let clear = {
        let text = text.clone();
        let parsed = parsed.clone();
        Callback::from(move |_| {
            text.set(String::new());
            parsed.set(None);
        })
    };
    let on_files = {
        let text = text.clone();
        let parsed = parsed.clone();
        Callback::from(move |files: Vec<(String, Vec<u8>)>| {
            if let Some((_, bytes)) = files.into_iter().next() {
                parsed.set(Some(raw::parse(&bytes)));
                text.set(String::from_utf8_lossy(&bytes).into_owned());
            }
        })
    };
    html! {
        <div class="tool">
            <p class="intro">{ ctx.t(Ui::MessageIntro) }</p>
            <label class="visually-hidden" for="message-input">{ ctx.t(Ui::MessagePlaceholder) }</label>
            <textarea id="message-input" spellcheck="false" placeholder={ctx.t(Ui::MessagePlaceholder)} value={(*text).clone()} {oninput}/>
            <DropZone id="message-drop" input_id="message-file" label={ctx.t(Ui::MessageDrop)} pick={ctx.t(Ui::ChooseOneFile)} accept=".eml,.txt,message/rfc822,text/plain" {on_files}/>
            <div class="actions">
                <button id="message-analyze" class="primary" onclick={analyze}>{ ctx.t(Ui::Analyze) }</button>
                <button id="message-clear" class="ghost" onclick={clear}>{ ctx.t(Ui::Clear) }</button>
            </div>
            if let Some(m) = &*parsed {
                <div id="message-result" class="result">
                    <p>{ format!("{} {}", m.fields.len(), ctx.t(Ui::HeaderFields)) }</p>
                    <p>{ if m.body.is_some() { ctx.t(Ui::BodyPresent) } else { ctx.t(Ui::HeadersOnly) } }</p>
                </div>
            }
        </div>
    }
}
