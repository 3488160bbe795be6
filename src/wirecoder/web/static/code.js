// The live coder: POST /v1/code, then the events and the article with its evidence highlighted.
// Everything from the document goes in through textContent, never as HTML.
(function () {
  const form = document.getElementById("code-form");
  const status = document.getElementById("status");
  const body = document.querySelector("#coded tbody");
  const article = document.getElementById("coded-article");

  function cell(row, text) {
    const td = document.createElement("td");
    td.textContent = text == null ? "" : String(text);
    row.appendChild(td);
  }

  function party(p) {
    if (!p) { return "—"; }
    return p.name + (p.country ? " (" + p.country + ")" : "");
  }

  function highlight(whole, events) {
    // The server's offsets count code points; JavaScript strings count UTF-16 units.
    const text = {chars: Array.from(whole), slice: function (a, b) { return this.chars.slice(a, b).join(""); }};
    article.textContent = "";
    const spans = [];
    events.forEach(function (e) { e.evidence.forEach(function (ev) { spans.push([ev.start, ev.end]); }); });
    spans.sort(function (a, b) { return a[0] - b[0]; });
    let at = 0;
    spans.forEach(function (s) {
      if (s[0] < at) { return; }
      article.appendChild(document.createTextNode(text.slice(at, s[0])));
      const mark = document.createElement("mark");
      mark.className = "evidence";
      mark.textContent = text.slice(s[0], s[1]);
      article.appendChild(mark);
      at = s[1];
    });
    article.appendChild(document.createTextNode(text.slice(at, text.chars.length)));
  }

  form.addEventListener("submit", async function (event) {
    event.preventDefault();
    status.textContent = "Coding…";
    body.textContent = "";
    const payload = {
      text: document.getElementById("text").value,
      html: document.getElementById("html").checked,
      published: document.getElementById("published").value || null,
    };
    const response = await fetch("/v1/code", {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(payload),
    });
    const data = await response.json();
    if (!response.ok) { status.textContent = "Error: " + data.error; return; }
    status.textContent = data.events.length + " events";
    data.events.forEach(function (e) {
      const row = document.createElement("tr");
      row.className = "quad" + e.quad_class;
      cell(row, e.date); cell(row, party(e.source)); cell(row, e.code); cell(row, e.label);
      cell(row, party(e.target)); cell(row, e.location ? e.location.name : "");
      body.appendChild(row);
    });
    highlight(data.article.text, data.events);
  });
})();
