// Placeholder page: a search box that calls /api/search and lists the hits as text.
"use strict";

const form = document.getElementById("search-form");
const input = document.getElementById("q");
const status = document.getElementById("status");
const results = document.getElementById("results");

async function search(query) {
  const response = await fetch("/api/search?" + new URLSearchParams({ q: query }));
  const body = await response.json();
  results.replaceChildren();
  if (!response.ok) {
    status.textContent = body.error;
    return;
  }
  status.textContent = body.matches.estimated + " matches";
  for (const hit of body.results) {
    const item = document.createElement("li");
    const title = document.createElement("strong");
    title.textContent = hit.doc.title + (hit.doc.date ? " (" + hit.doc.date + ")" : "");
    const text = document.createElement("p");
    text.textContent = hit.snippet_text;  // text, never HTML: statements may hold markup
    item.append(title, text);
    results.append(item);
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  search(input.value).catch((error) => { status.textContent = String(error); });
});
