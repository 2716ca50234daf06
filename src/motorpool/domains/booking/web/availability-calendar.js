// <mp-availability-calendar product=… centre-id=… [pool=…] [month=YYYY-MM]>: a month on the
// centre's clock, each day with how much is free; pick a day.
// Event: mp-day-selected {day: "YYYY-MM-DD", free}.
import { MpElement, formatDate, formatNumber, registerMessages } from "@motorpool/platform";
import { css, html } from "lit";

registerMessages({
  en: {
    "booking.calendar": "Availability",
    "booking.previous": "Previous month",
    "booking.next": "Next month",
    "booking.free": "{count} free",
    "booking.closed": "closed",
    "booking.full": "fully booked",
    "booking.needCentre": "Choose a centre to see its availability.",
  },
  de: {
    "booking.calendar": "Verfügbarkeit",
    "booking.previous": "Voriger Monat",
    "booking.next": "Nächster Monat",
    "booking.free": "{count} frei",
    "booking.closed": "geschlossen",
    "booking.full": "ausgebucht",
    "booking.needCentre": "Wählen Sie ein Zentrum, um seine Verfügbarkeit zu sehen.",
  },
});

function thisMonth() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}`;
}

function shift(month, by) {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + by, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

export class MpAvailabilityCalendar extends MpElement {
  static properties = {
    ...MpElement.properties,
    product: {},
    centreId: { attribute: "centre-id" },
    pool: {},
    month: {},
    selected: {},
    _calendar: { state: true },
    _error: { state: true },
  };

  static styles = [
    MpElement.styles,
    css`
      table {
        border-collapse: collapse;
        width: 100%;
        table-layout: fixed;
      }
      th {
        font-weight: 500;
        font-size: 0.85rem;
        color: var(--_muted);
        padding: 0.2rem;
      }
      td {
        padding: 2px;
      }
      td button {
        width: 100%;
        padding: 0.3rem 0.1rem;
        font-size: 0.85rem;
        line-height: 1.2;
      }
      td button .n {
        display: block;
        font-size: 0.72rem;
      }
    `,
  ];

  constructor() {
    super();
    this.product = "servicing";
    this.centreId = "";
    this.pool = "";
    this.month = thisMonth();
    this.selected = "";
    this._calendar = null;
    this._error = null;
  }

  updated(changed) {
    if (["product", "centreId", "pool", "month", "baseUrl"].some((p) => changed.has(p))) this.load();
  }

  async load() {
    if (!this.centreId) {
      this.supersede("calendar");
      return;
    }
    try {
      const { answer, stale } = await this.latest("calendar", () =>
        this.api.get("/booking/calendar", {
          product: this.product,
          centre_id: this.centreId,
          month: this.month,
          pool: this.pool,
        }),
      );
      if (stale) return;
      this._error = null;
      this._calendar = answer;
    } catch (error) {
      this._error = error;
    }
  }

  _pick(day) {
    this.selected = day.day;
    this.emit("mp-day-selected", { day: day.day, free: day.free_slots ?? day.free_all_day });
  }

  _weeks(days) {
    const first = new Date(`${days[0].day}T00:00:00Z`);
    const lead = (first.getUTCDay() + 6) % 7; // Monday first
    const cells = [...Array(lead).fill(null), ...days];
    while (cells.length % 7) cells.push(null);
    const weeks = [];
    for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
    return weeks;
  }

  render() {
    if (!this.centreId) return html`<p class="muted">${this.t("booking.needCentre")}</p>`;
    const cal = this._calendar;
    const title = formatDate(`${this.month}-15T12:00:00Z`, this.loc, {
      dateStyle: undefined,
      month: "long",
      year: "numeric",
    });
    const weekdays = [...Array(7)].map((_, i) =>
      formatDate(`2024-01-0${i + 1}T12:00:00Z`, this.loc, { dateStyle: undefined, weekday: "short" }),
    );
    return html`<section class="card" aria-labelledby="title">
      <div class="row" style="justify-content:space-between">
        <h2 id="title">${this.t("booking.calendar")}: ${title}</h2>
        <div class="row">
          <button type="button" class="secondary" aria-label=${this.t("booking.previous")}
            @click=${() => (this.month = shift(this.month, -1))}>‹</button>
          <button type="button" class="secondary" aria-label=${this.t("booking.next")}
            @click=${() => (this.month = shift(this.month, 1))}>›</button>
        </div>
      </div>
      ${this.renderError(this._error)}
      ${!cal || cal.month !== this.month
        ? html`<p class="muted">${this.t("common.loading")}</p>`
        : html`<table>
            <thead><tr>${weekdays.map((w) => html`<th scope="col">${w}</th>`)}</tr></thead>
            <tbody>
              ${this._weeks(cal.days).map(
                (week) => html`<tr>
                  ${week.map((day) => {
                    if (!day) return html`<td></td>`;
                    const free = day.free_slots ?? day.free_all_day;
                    const state = !day.open
                      ? this.t("booking.closed")
                      : free > 0
                        ? this.t("booking.free", { count: formatNumber(free, this.loc) })
                        : this.t("booking.full");
                    const label = `${formatDate(`${day.day}T12:00:00Z`, this.loc, { dateStyle: "full" })}: ${state}`;
                    return html`<td>
                      <button
                        type="button"
                        class=${day.day === this.selected ? "" : "secondary"}
                        aria-pressed=${day.day === this.selected ? "true" : "false"}
                        ?disabled=${!day.open || free <= 0}
                        data-day=${day.day}
                        @click=${() => this._pick(day)}
                      >
                        <span aria-hidden="true"
                          >${Number(day.day.slice(8))}<span class="n"
                            >${day.open ? formatNumber(free, this.loc) : "–"}</span
                          ></span
                        ><span class="sr-only">${label}</span>
                      </button>
                    </td>`;
                  })}
                </tr>`,
              )}
            </tbody>
          </table>`}
    </section>`;
  }
}

if (!customElements.get("mp-availability-calendar")) {
  customElements.define("mp-availability-calendar", MpAvailabilityCalendar);
}
