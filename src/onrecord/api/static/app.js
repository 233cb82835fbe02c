// onrecord's only script: show an attribution's details when its highlight is chosen.
// It reads ids from data attributes the server wrote and never builds markup from text.
"use strict";

function runsOf(id) {
  return Array.from(document.querySelectorAll("[data-a]")).filter(
    (el) => el.dataset.a.split(" ").includes(id)
  );
}

function show(ids) {
  document.querySelectorAll(".card").forEach((card) => {
    card.hidden = !ids.includes(card.dataset.card);
  });
  document.querySelectorAll(".article-text .active").forEach((el) => el.classList.remove("active"));
  document.querySelectorAll("[aria-expanded]").forEach((el) => el.setAttribute("aria-expanded", "false"));
  ids.forEach((id) => {
    runsOf(id).forEach((el) => el.classList.add("active"));
    const anchor = document.getElementById("a-" + id);
    if (anchor) anchor.setAttribute("aria-expanded", "true");
  });
  const hint = document.getElementById("cards-hint");
  if (hint) hint.hidden = ids.length > 0;
}

document.addEventListener("DOMContentLoaded", () => {
  const text = document.getElementById("article-text");
  if (!text) return;
  text.addEventListener("click", (event) => {
    const run = event.target.closest("[data-a]");
    if (run) show(run.dataset.a.split(" "));
  });
  text.addEventListener("keydown", (event) => {
    const run = event.target.closest("[data-a]");
    if (run && (event.key === "Enter" || event.key === " ")) {
      event.preventDefault();
      show(run.dataset.a.split(" "));
    }
  });
  document.querySelectorAll("[data-close]").forEach((button) => {
    button.addEventListener("click", () => {
      const id = button.dataset.close;
      show([]);
      const anchor = document.getElementById("a-" + id);
      if (anchor) anchor.focus();
    });
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") show([]);
  });
  // A link to #a-ID (from search results) opens that attribution's details.
  const target = location.hash.startsWith("#a-") ? location.hash.slice(3) : "";
  if (target && document.getElementById("a-" + target)) show([target]);
});
