/// The one stylesheet, served at `/style.css` (the CSP allows styles from this origin only).
enum Stylesheet {
    static let css = """
    :root{--ink:#1d232b;--muted:#5b6673;--line:#dde3ea;--bg:#f6f8fa;--card:#fff;--accent:#1f5fbf;--ok:#1e7b45;--warn:#a35a00;--bad:#b42318}
    *{box-sizing:border-box}
    body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
    a{color:var(--accent)}code{font-size:13px;background:#eef2f6;padding:1px 4px;border-radius:4px}
    #site-header{display:flex;align-items:center;gap:24px;flex-wrap:wrap;background:#1d232b;color:#fff;padding:10px 32px}
    #site-header .brand{color:#fff;font-weight:700;font-size:18px;text-decoration:none;letter-spacing:.02em}
    #site-nav{display:flex;gap:18px;flex-wrap:wrap}#site-nav a{color:#c9d6e6;text-decoration:none;font-weight:550}
    #site-nav a:hover,#site-nav a.active{color:#fff;border-bottom:2px solid #fff}
    #quick-search{margin-left:auto}#quick-search input{width:220px;padding:5px 10px;border-radius:6px;border:0}
    main{max-width:1180px;margin:0 auto;padding:12px 32px 40px}
    h1{font-size:26px;margin:18px 0 10px}h2{font-size:18px;margin:22px 0 10px;border-bottom:2px solid var(--ink);padding-bottom:3px}
    .meta{color:var(--muted);font-size:13px}.empty{color:var(--muted);font-style:italic}.error{color:var(--bad);font-weight:600}
    .card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 18px;margin:12px 0}
    .stats{display:flex;flex-wrap:wrap;gap:12px;margin:8px 0 6px}
    .stat{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:10px 16px;min-width:150px}
    .stat b{display:block;font-size:22px}.stat span{color:var(--muted);font-size:13px}
    .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:0 28px}
    ul.plain,ul.documents,ul.stories,ul.quotes,ul.claims,ul.conflicts{list-style:none;padding:0;margin:0}
    ul.plain li,ul.documents li,ul.stories li,ul.quotes li,ul.claims li,ul.conflicts>li{padding:5px 0;border-top:1px solid var(--line)}
    ul.inline{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:6px}ul.inline li{background:#e8eef7;border-radius:999px;padding:1px 10px;font-size:13px}
    ol.entities{padding-left:22px;margin:0}ol.entities li{padding:2px 0}
    .pill{display:inline-block;font-size:12px;border-radius:999px;padding:0 8px;background:#e8eef7;color:#23456f;vertical-align:1px}
    .pill.ok{background:#e3f4ea;color:var(--ok)}.pill.single{background:#fff2e0;color:var(--warn)}.pill.bad{background:#fde8e7;color:var(--bad)}
    .pill.person{background:#e8eef7}.pill.organization{background:#efe8f7;color:#4b2d7a}.pill.place{background:#e3f4ea;color:var(--ok)}
    form.filters{display:flex;flex-wrap:wrap;gap:10px 16px;align-items:flex-end}
    label{display:flex;flex-direction:column;font-size:13px;color:var(--muted);gap:3px}
    input,select,textarea{font:inherit;color:var(--ink);padding:6px 9px;border:1px solid #c4ccd6;border-radius:6px;background:#fff}
    textarea{width:100%;min-width:320px}#add-form label{margin:10px 0}
    button{font:inherit;font-weight:600;background:var(--accent);color:#fff;border:0;border-radius:6px;padding:7px 16px;cursor:pointer}
    ol.hits{padding-left:24px}ol.hits li{margin:0 0 14px}.hit-title{font-weight:600;font-size:16px}
    .snippet{margin:3px 0 0}mark{background:#fff0a8;color:inherit;padding:0 1px;border-radius:2px}
    .pager{display:flex;gap:18px;margin:14px 0}.pager a{font-weight:600}
    .document-layout{display:grid;grid-template-columns:minmax(0,1fr) 300px;gap:28px;align-items:start}
    @media (max-width:900px){.document-layout{grid-template-columns:1fr}}
    .text{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:8px 26px;font-size:16.5px;line-height:1.65;max-width:760px}
    .text h2{border:0;font-size:18px}.text blockquote{margin:0 0 0 14px;padding-left:12px;border-left:3px solid var(--line)}
    .text q{background:#f0f5ff;quotes:none;border-radius:3px}
    .text .mention{text-decoration:none;border-bottom:2px solid #9db6dd;color:inherit}
    .text .mention.organization{border-bottom-color:#b9a2dc}.text .mention.place{border-bottom-color:#9fd0b1}
    .text .mention.group{border-bottom-color:#d8c08a}.text .mention.amount,.text .mention.percent{border-bottom:1px dashed #aab}
    .text time{background:#fff4e0;border-radius:3px}
    aside h2{font-size:15px}aside{font-size:14px}
    details.removed{margin-top:22px;font-size:13px;color:var(--muted)}details.removed li{margin:3px 0}
    details.removed .kind{display:inline-block;min-width:80px;font-weight:600;color:var(--ink)}
    table{border-collapse:collapse;width:100%;font-size:14px;background:#fff}th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}th{background:#eef2f6}
    .chart svg{max-width:100%;height:auto}.chart rect.bar{fill:#1f5fbf}.chart text{font-size:10px;fill:#5b6673}
    .month-table{max-width:320px}.dispute{color:var(--bad);font-size:13px;margin-top:3px}
    a.src{font-size:12.5px;text-decoration:none;border-bottom:1px dotted var(--accent);margin-left:4px;white-space:nowrap}
    .timeline{padding-left:22px}.timeline li{margin:4px 0}.timeline time{font-weight:600;margin-right:6px}
    #site-footer{text-align:center;color:var(--muted);font-size:13px;padding:24px}
    """
}
