// The site's script: everything works without it; it adds what only a script can.

// Copy buttons beside commands: shown only where a script can copy. A button, so Tab and Enter
// or Space reach it without a mouse; it copies the command exactly as shown.
(function () {
  "use strict";
  document.querySelectorAll("dd.command button.copy").forEach(function (button) {
    var code = button.parentNode.querySelector("pre code");
    if (!code) {
      return;
    }
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = code.textContent;
      var done = function () {
        button.textContent = button.getAttribute("data-copied");
        setTimeout(function () { button.textContent = label; }, 2000);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallback(text) && done(); });
      } else if (fallback(text)) {
        done();
      }
    });
  });

  // Over plain HTTP the clipboard API is missing: select the text and let the browser copy it.
  function fallback(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok;
  }
})();

// Sends a reaction with fetch() and shows the thank-you in place, instead of reloading the page.
// Without this script the form posts normally and the server redirects back to #thanks.
(function () {
  "use strict";
  var form = document.querySelector(".feedback form[data-port]");
  if (!form || !window.fetch) {
    return;
  }
  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (!button || !button.value) {
      return;
    }
    event.preventDefault();
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (b) { b.disabled = true; });
    fetch("/api/v1/feedback", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({
        port: Number(form.getAttribute("data-port")),
        lang: form.getAttribute("data-lang"),
        reaction: button.value
      })
    }).then(function (response) {
      if (!response.ok) {
        throw new Error("status " + response.status);
      }
      var thanks = document.getElementById("thanks");
      thanks.classList.add("shown");
      form.hidden = true;
      thanks.focus();
    }).catch(function () {
      // Fall back to the plain form post, which carries the reaction in a hidden field.
      var field = document.createElement("input");
      field.type = "hidden";
      field.name = "reaction";
      field.value = button.value;
      form.appendChild(field);
      buttons.forEach(function (b) { b.disabled = false; });
      form.submit();
    });
  });
})();
