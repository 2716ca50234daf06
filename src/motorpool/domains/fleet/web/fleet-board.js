// <mp-fleet-board centre-id=… [pool=…] [poll-seconds=…]> (staff): a centre's pool cars
// (fleet's /board): state, open damages, the booking running now and the next one; staff
// change a car's state there (maintenance until a time on the centre's clock blocks its
// bookings, back to ready lifts the block). Method: load().
import {
  MpElement,
  formatDateTime,
  formatNumber,
  instantToLocal,
  localToInstant,
} from "@motorpool/platform";
import { css, html } from "lit";
import { repeat } from "lit/directives/repeat.js";
import "./messages.js";

const POOLS = ["rental", "subscription", "carsharing", "testdrive", "courtesy"];
const STATES = ["ready", "cleaning", "charging", "maintenance", "retired"];

export class MpFleetBoard extends MpElement {
  static properties = {
    ...MpElement.properties,
    centreId: { attribute: "centre-id" },
    pool: {},
    pollSeconds: { attribute: "poll-seconds", type: Number },
    _board: { state: true },
    _error: { state: true },
    _wanted: { state: true }, // the state picked in each car's form, by car id
    _changed: { state: true },
    _changing: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      .scroll {
        overflow-x: auto;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        font-size: 0.92rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.35rem 0.4rem;
        border-bottom: 1px solid var(--_border);
        vertical-align: top;
      }
      thead th {
        font-weight: 500;
        color: var(--_muted);
      }
      .state {
        display: inline-block;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid currentColor;
        font-size: 0.85rem;
      }
      .state[data-state="ready"] {
        color: var(--_ok);
      }
      .state[data-state="maintenance"],
      .state[data-state="retired"] {
        color: var(--_danger);
      }
      .toolbar {
        display: flex;
        flex-wrap: wrap;
        gap: var(--_space);
        align-items: end;
        justify-content: space-between;
        margin-bottom: calc(var(--_space) * 0.5);
      }
      .toolbar .field {
        margin: 0;
      }
      details form {
        display: grid;
        gap: 0.4rem;
        margin-top: 0.4rem;
        min-width: 14rem;
      }
      details .field {
        margin: 0;
      }
    `,
  ];

  constructor() {
    super();
    this.centreId = "";
    this.pool = "";
    this.pollSeconds = 0;
    this._board = null;
    this._error = null;
    this._timer = 0;
    this._wanted = {};
    this._changed = "";
    this._changing = "";
  }

  disconnectedCallback() {
    clearInterval(this._timer);
    super.disconnectedCallback();
  }

  updated(changed) {
    if (["centreId", "token", "baseUrl"].some((p) => changed.has(p))) this.load();
    if (changed.has("pollSeconds")) {
      clearInterval(this._timer);
      if (this.pollSeconds > 0) this._timer = setInterval(() => this.load(), this.pollSeconds * 1000);
    }
  }

  async load() {
    if (!this.centreId || !this.token) {
      this.supersede("board");
      this._board = null;
      return;
    }
    try {
      // only the latest request may answer: another centre picked meanwhile wins
      const { answer, stale } = await this.latest("board", () =>
        this.api.get("/fleet/board", { centre_id: this.centreId }),
      );
      if (stale) return;
      this._error = null;
      this._board = answer;
    } catch (error) {
      this._error = error;
    }
  }

  async _changeState(event, car) {
    event.preventDefault();
    const data = new FormData(event.target);
    const state = String(data.get("state"));
    const body = { state, reason: String(data.get("reason") || "").trim() };
    if (state === "maintenance") body.until = localToInstant(String(data.get("until")), this._board.time_zone);
    this._changing = car.car_id;
    const form = event.target;
    try {
      await this.api.post(`/fleet/cars/${car.car_id}/state`, body);
      form.reset();
      form.closest("details").open = false;
      this._error = null;
      this._changed = this.t("fleet.changed", { car: car.label, state: this.t(`fleet.state.${state}`) });
      this._wanted = { ...this._wanted, [car.car_id]: undefined };
      await this.load();
    } catch (error) {
      this._error = error;
    } finally {
      this._changing = "";
    }
  }

  _renderChange(c, zone) {
    const id = `change-${c.car_id}`;
    const wanted = this._wanted[c.car_id] || STATES.find((s) => s !== c.state);
    const tomorrow = instantToLocal(Date.now() + 24 * 3600000, zone).slice(0, 11) + "18:00";
    return html`<details>
      <summary>${this.t("fleet.change")}<span class="sr-only"> ${c.label}</span></summary>
      <form @submit=${(e) => this._changeState(e, c)}>
        <div class="field">
          <label for="${id}-state">${this.t("fleet.newState")}</label>
          <select
            id="${id}-state"
            name="state"
            @change=${(e) => (this._wanted = { ...this._wanted, [c.car_id]: e.target.value })}
          >
            ${STATES.filter((s) => s !== c.state).map(
              (s) => html`<option value=${s} ?selected=${s === wanted}>${this.t(`fleet.state.${s}`)}</option>`,
            )}
          </select>
        </div>
        ${wanted === "maintenance"
          ? html`<div class="field">
              <label for="${id}-until">${this.t("fleet.maintenanceUntil", { zone })}</label>
              <input id="${id}-until" name="until" type="datetime-local" required .value=${tomorrow} />
            </div>`
          : ""}
        <div class="field">
          <label for="${id}-reason">${this.t("fleet.reason")}</label>
          <input id="${id}-reason" name="reason" required maxlength="200" />
        </div>
        <button type="submit" ?disabled=${this._changing === c.car_id}>${this.t("fleet.save")}</button>
      </form>
    </details>`;
  }

  _booking(b, key, value, zone) {
    if (!b) return html`<span class="muted">–</span>`;
    return html`<span data-reference=${b.reference}
      >${b.reference}<br /><span class="muted"
        >${this.t(key, { when: formatDateTime(value, this.loc, { timeZone: zone }) })}</span
      ></span
    >`;
  }

  render() {
    const board = this._board;
    const cars = board ? board.cars.filter((c) => !this.pool || c.pool === this.pool) : [];
    const zone = board?.time_zone;
    return html`<section class="card" aria-labelledby="title">
      <div class="toolbar">
        <div>
          <h2 id="title">${this.t("fleet.title")}</h2>
          ${board
            ? html`<p class="muted" style="margin:0">
                ${this.t("fleet.asOf", {
                  when: formatDateTime(board.as_of, this.loc, { timeZone: zone }),
                  zone,
                })}
              </p>`
            : ""}
        </div>
        <div class="row">
          <div class="field">
            <label for="pool">${this.t("fleet.filter")}</label>
            <select id="pool" @change=${(e) => (this.pool = e.target.value)}>
              <option value="" ?selected=${!this.pool}>${this.t("fleet.all")}</option>
              ${POOLS.map(
                (p) => html`<option value=${p} ?selected=${p === this.pool}>${this.t(`fleet.pool.${p}`)}</option>`,
              )}
            </select>
          </div>
          <button type="button" class="secondary" style="align-self:end" @click=${() => this.load()}>
            ${this.t("fleet.refresh")}
          </button>
        </div>
      </div>
      ${this.renderError(this._error)}
      <p role="status" class="ok" data-changed>${this._changed}</p>
      ${!this.centreId
        ? html`<p class="muted">${this.t("fleet.needCentre")}</p>`
        : !this.token
          ? html`<p class="muted">${this.t("common.signInFirst")}</p>`
          : !board
            ? html`<p class="muted">${this.t("common.loading")}</p>`
            : cars.length === 0
              ? html`<p>${this.t("fleet.none")}</p>`
              : html`<div class="scroll" tabindex="0" role="region" aria-labelledby="title">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${this.t("fleet.car")}</th>
                        <th scope="col">${this.t("fleet.pool")}</th>
                        <th scope="col">${this.t("fleet.state")}</th>
                        <th scope="col">${this.t("fleet.damages")}</th>
                        <th scope="col">${this.t("fleet.current")}</th>
                        <th scope="col">${this.t("fleet.next")}</th>
                        <th scope="col">${this.t("fleet.change")}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${repeat(
                        cars,
                        (c) => c.car_id, // a row's open form stays with its car when rows move
                        (c) => html`<tr data-car=${c.vin}>
                          <th scope="row">
                            ${c.label}<br /><span class="muted" style="font-weight:normal">${c.vin}</span>
                          </th>
                          <td>${this.t(`fleet.pool.${c.pool}`)}</td>
                          <td>
                            <span class="state" data-state=${c.state}>${this.t(`fleet.state.${c.state}`)}</span>
                            ${c.blocked_until
                              ? html`<br /><span class="muted"
                                    >${this.t("fleet.blocked", {
                                      when: formatDateTime(c.blocked_until, this.loc, { timeZone: zone }),
                                    })}</span
                                  >`
                              : ""}
                          </td>
                          <td>${formatNumber(c.open_damages, this.loc)}</td>
                          <td data-current>
                            ${this._booking(c.current_booking, "fleet.until", c.current_booking?.ends_at, zone)}
                          </td>
                          <td data-next>
                            ${this._booking(c.next_booking, "fleet.from", c.next_booking?.starts_at, zone)}
                          </td>
                          <td data-change>${this._renderChange(c, zone)}</td>
                        </tr>`,
                      )}
                    </tbody>
                  </table>
                </div>`}
    </section>`;
  }
}

if (!customElements.get("mp-fleet-board")) customElements.define("mp-fleet-board", MpFleetBoard);
