//! A drop zone with a file picker: hands the files' names and bytes to a callback.

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::{DragEvent, File, FileList, HtmlInputElement};
use yew::prelude::*;

/// Properties of [`DropZone`].
#[derive(Properties, PartialEq)]
pub struct Props {
    /// Id of the zone element.
    pub id: AttrValue,
    /// Id of the file input.
    pub input_id: AttrValue,
    /// Text shown in the zone.
    pub label: AttrValue,
    /// Text of the picker link.
    pub pick: AttrValue,
    /// Accept several files.
    #[prop_or_default]
    pub multiple: bool,
    /// `accept` attribute of the input.
    #[prop_or_default]
    pub accept: AttrValue,
    /// Called with (name, bytes) of every file once read.
    #[prop_or_default]
    pub on_files: Callback<Vec<(String, Vec<u8>)>>,
    /// When set, called with the `File` handles instead, unread (the Reports tab hands
    /// them to its worker, so large batches are never copied on the page's thread).
    #[prop_or_default]
    pub on_handles: Option<Callback<Vec<File>>>,
}

fn handles(list: Option<FileList>) -> Vec<File> {
    list.map(|l| (0..l.length()).filter_map(|i| l.get(i)).collect())
        .unwrap_or_default()
}

fn read_all(list: Option<FileList>, on_files: Callback<Vec<(String, Vec<u8>)>>) {
    let Some(list) = list else { return };
    let files: Vec<File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
    if files.is_empty() {
        return;
    }
    spawn_local(async move {
        let mut out = Vec::with_capacity(files.len());
        for f in files {
            if let Ok(buf) = JsFuture::from(f.array_buffer()).await {
                out.push((f.name(), js_sys::Uint8Array::new(&buf).to_vec()));
            }
        }
        on_files.emit(out);
    });
}

/// Drop files or pick them; keyboard users reach the picker through the label.
#[function_component(DropZone)]
pub fn drop_zone(p: &Props) -> Html {
    let over = use_state(|| false);
    let ondragover = {
        let over = over.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(true);
        })
    };
    let ondragleave = {
        let over = over.clone();
        Callback::from(move |_: DragEvent| over.set(false))
    };
    let deliver = {
        let (cb, raw) = (p.on_files.clone(), p.on_handles.clone());
        move |list: Option<FileList>| match &raw {
            Some(raw) => raw.emit(handles(list)),
            None => read_all(list, cb.clone()),
        }
    };
    let ondrop = {
        let over = over.clone();
        let deliver = deliver.clone();
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            over.set(false);
            deliver(e.data_transfer().and_then(|d| d.files()));
        })
    };
    let onchange = Callback::from(move |e: Event| {
        if let Some(input) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
        {
            deliver(input.files());
            input.set_value("");
        }
    });
    html! {
        <div id={p.id.clone()} class={classes!("drop", (*over).then_some("over"))} {ondragover} {ondragleave} {ondrop}>
            <span>{ &p.label }{ " " }</span>
            <label class="pick" for={p.input_id.clone()}>{ &p.pick }</label>
            <input id={p.input_id.clone()} class="visually-hidden" type="file" multiple={p.multiple} accept={p.accept.clone()} {onchange}/>
        </div>
    }
}
