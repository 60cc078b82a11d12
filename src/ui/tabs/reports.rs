//! Reports tab: drop any number of report files.

use yew::prelude::*;

use crate::i18n::Translate;
use crate::i18n::text::{Label, Ui};
use crate::ui::app::Ctx;
use crate::ui::drop_zone::DropZone;

/// Drop zone and the files received.
#[function_component(ReportsTab)]
pub fn reports_tab() -> Html {
    let ctx = use_context::<Ctx>().expect("context");
    let files = use_state(Vec::<(String, usize)>::new);
    let on_files = {
        let files = files.clone();
        Callback::from(move |new: Vec<(String, Vec<u8>)>| {
            let mut all = (*files).clone();
            all.extend(new.into_iter().map(|(n, b)| (n, b.len())));
            files.set(all);
        })
    };
    html! {
        <div class="tool">
            <p class="intro">{ ctx.t(Ui::ReportsIntro) }</p>
            <DropZone id="reports-drop" input_id="reports-file" multiple=true label={ctx.t(Ui::ReportsDrop)} pick={ctx.t(Ui::ChooseFile)} {on_files}/>
            if !files.is_empty() {
                <div id="reports-result" class="result">
                    <p>{ format!("{} {}", files.len(), ctx.t(Ui::FilesChosen)) }</p>
                    <ul>{ for files.iter().map(|(n, s)| html! { <li><span class="mono">{ n }</span>{ format!(" — {}", Label::Bytes(*s).text(ctx.state.lang)) }</li> }) }</ul>
                </div>
            }
        </div>
    }
}
