//! What cannot be a message is refused through the CLI: exit code 2 and one clear line
//! on stderr, in English and in French, naming the file.

mod common;

#[test]
fn refusals_exit_2_with_one_clear_line() {
    let dir = std::env::temp_dir().join(format!("sceau-refusals-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let binary: Vec<u8> = (0u8..=255).cycle().take(600).collect();
    // (file, content, words of the English line, words of the French line)
    let table: &[(&str, &[u8], &str, &str)] = &[
        ("empty.eml", b"", "nothing to analyse", "rien à analyser"),
        (
            "blank.eml",
            b"  \n\t\n",
            "nothing to analyse",
            "rien à analyser",
        ),
        (
            "mail.msg",
            b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\0\0\0\0\0\0\0\0>\0\x03\0",
            "Outlook .msg",
            "Outlook .msg",
        ),
        (
            "reports.zip",
            b"PK\x03\x04\x14\0\0\0\x08\0",
            "zip file",
            "fichier zip",
        ),
        ("data.bin", &binary, "binary data", "données binaires"),
        (
            "notes.txt",
            b"Hello,\nthis is only the text of the message,\nwithout its headers.\n",
            "No header field",
            "Aucun champ d’en-tête",
        ),
    ];
    assert!(!table.is_empty());
    for (name, content, en, fr) in table {
        let path = dir.join(name);
        std::fs::write(&path, content).unwrap();
        let p = path.to_str().unwrap();
        for (lang, words) in [("en", en), ("fr", fr)] {
            let (code, out, err) = common::run(&["message", p, "--json", "--lang", lang]);
            assert_eq!(code, 2, "{name} {lang}: exit code; stderr {err}");
            assert!(out.is_empty(), "{name} {lang}: stdout {out}");
            assert_eq!(err.lines().count(), 1, "{name} {lang}: {err:?}");
            assert!(err.starts_with("sceau: "), "{name} {lang}: {err}");
            assert!(err.contains(name), "{name} {lang}: file not named in {err}");
            assert!(
                err.contains(*words),
                "{name} {lang}: {words:?} not in {err}"
            );
            if lang == "fr" {
                assert!(
                    err.contains('\u{a0}') || err.contains('\u{202f}'),
                    "{name}: no no-break space in the French line {err:?}"
                );
                for english in [" the ", " not a ", "This is", "There is"] {
                    assert!(!err.contains(english), "{name}: English in {err}");
                }
            }
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
