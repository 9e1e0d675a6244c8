import { api, csrfToken, t } from "./api.js";

for (const e of document.querySelectorAll("[data-t]")) e.textContent = t(e.dataset.t);
const message = document.getElementById("message");
const params = new URLSearchParams(location.search);
// Only a relative page of this site: an open redirect would let a link send a signed-in user elsewhere.
const nextPage = /^[a-z]+\.html(\?[\w=&%.\-]*)?$/.test(params.get("next") || "") ? params.get("next") : "index.html";
let current = "";

document.getElementById("login").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  message.textContent = "";
  const name = document.getElementById("name").value;
  current = document.getElementById("password").value;
  try {
    await csrfToken(true);
    const me = await api("api/auth/login", { method: "POST", body: { name, password: current } });
    await csrfToken(true); // the token is bound to the signed-in user
    if (me.mustChangePassword) {
      document.getElementById("login").hidden = true;
      document.getElementById("change").hidden = false;
      return;
    }
    location.href = nextPage;
  } catch (e) {
    message.textContent = e.message;
  }
});

document.getElementById("change").addEventListener("submit", async (ev) => {
  ev.preventDefault();
  try {
    await api("api/auth/password", { method: "POST", body: { currentPassword: current, newPassword: document.getElementById("newPassword").value } });
    location.href = nextPage;
  } catch (e) {
    message.textContent = e.message;
  }
});

// The forms are ours now (login.html disables their buttons until this point).
for (const b of document.querySelectorAll("button[type=submit]")) b.disabled = false;
