// The HTTP client every component uses: talks to one deployment (base-url, default: this
// page's origin) with a bearer token, works cross-origin (the edge answers CORS for the
// brand's allowed origins; no cookies are sent), and turns problem+json into ApiError.

export class ApiError extends Error {
  constructor(problem, status) {
    super(problem.detail || problem.title || `HTTP ${status}`);
    this.name = "ApiError";
    this.status = status;
    this.type = problem.type || "about:blank";
    this.title = problem.title || "";
    this.detail = problem.detail || "";
    this.problem = problem;
  }
}

/** A fresh Idempotency-Key (crypto.randomUUID needs a secure context; this does not). */
export function idempotencyKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function url(baseUrl, path, query) {
  const base = (baseUrl || "").replace(/\/+$/, "");
  const target = new URL(base + path, base ? undefined : globalThis.location?.href);
  for (const [key, value] of Object.entries(query || {})) {
    if (value === undefined || value === null || value === "") continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      target.searchParams.append(key, String(item));
    }
  }
  return target.toString();
}

export class ApiClient {
  /**
   * @param {{baseUrl?: string, token?: string, locale?: string, target?: EventTarget}} options
   * `target` receives a bubbling `mp-unauthenticated` event when the API answers 401.
   */
  constructor({ baseUrl = "", token = "", locale = "en", target = null } = {}) {
    this.baseUrl = baseUrl;
    this.token = token;
    this.locale = locale;
    this.target = target;
  }

  async request(method, path, { query, body, idempotent = false } = {}) {
    const headers = {
      Accept: "application/json, application/problem+json",
      "Accept-Language": this.locale,
    };
    if (this.token) headers.Authorization = `Bearer ${this.token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (idempotent) headers["Idempotency-Key"] = idempotencyKey();
    const init = {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      mode: "cors",
      credentials: "omit",
    };
    const target = url(this.baseUrl, path, query);
    let response;
    try {
      response = await fetch(target, init);
    } catch (error) {
      if (!idempotent && method !== "GET") throw error;
      // a retry is safe: GETs change nothing and a POST repeats its Idempotency-Key
      await new Promise((resolve) => setTimeout(resolve, 500));
      response = await fetch(target, init);
    }
    if (response.status === 401 && this.target) {
      this.target.dispatchEvent(
        new CustomEvent("mp-unauthenticated", { bubbles: true, composed: true }),
      );
    }
    if (!response.ok) {
      let problem = {};
      try {
        problem = await response.json();
      } catch {
        problem = { title: response.statusText };
      }
      throw new ApiError(problem, response.status);
    }
    if (response.status === 204) return null;
    return response.json();
  }

  get(path, query) {
    return this.request("GET", path, { query });
  }

  post(path, body, { idempotent = false, query } = {}) {
    return this.request("POST", path, { body, idempotent, query });
  }

  patch(path, body) {
    return this.request("PATCH", path, { body });
  }

  put(path, body) {
    return this.request("PUT", path, { body });
  }

  delete(path) {
    return this.request("DELETE", path);
  }
}
