// The signed-in session of an app page, kept in this tab (sessionStorage): hands the token
// to every element marked data-session, marks <body data-signed-in>, refreshes the token
// before it runs out (through the page's <mp-login id="sign-in">), and follows the page's
// language on <html lang>. Shared by the storefront and the admin dashboard.
import { onLocaleChange, setLocale } from "@motorpool/platform";

export function keepSession(key) {
  let timer = 0;
  let refreshing = null;

  function stored() {
    try {
      return JSON.parse(sessionStorage.getItem(key) || "null");
    } catch {
      return null;
    }
  }

  function apply(session) {
    for (const element of document.querySelectorAll("[data-session]")) {
      element.token = session?.accessToken || "";
    }
    document.body.dataset.signedIn = session ? "true" : "false";
    clearTimeout(timer);
    if (session?.refreshToken && session.expiresIn) {
      timer = setTimeout(refresh, Math.max(10, session.expiresIn - 60) * 1000);
    }
  }

  function save(session) {
    if (session) sessionStorage.setItem(key, JSON.stringify(session));
    else sessionStorage.removeItem(key);
    apply(session);
  }

  async function refresh() {
    const session = stored();
    if (!session?.refreshToken) return save(null);
    refreshing ||= document
      .querySelector("#sign-in")
      .refresh(session.refreshToken)
      .catch(() => save(null))
      .finally(() => (refreshing = null));
    return refreshing;
  }

  document.addEventListener("mp-signed-in", (event) => save(event.detail));
  document.addEventListener("mp-signed-out", () => save(null));
  document.addEventListener("mp-unauthenticated", () => refresh());
  onLocaleChange((locale) => {
    document.documentElement.lang = locale;
  });
  setLocale(document.documentElement.lang);
  apply(stored());
  return { token: () => stored()?.accessToken || "" };
}
