import{b as c,f as g,g as s,i as w,o as v,r as f,v as a}from"./chunks/chunk-J3EXAGVY.js";w({en:{"booking.product.label":"What would you like?","booking.product.rental":"Rental","booking.product.subscription":"Subscription","booking.product.carsharing":"Car sharing","booking.product.testdrive":"Test drive","booking.product.flex":"Flex","booking.product.courtesy":"Courtesy car","booking.product.servicing":"Workshop","booking.search.title":"Find a car","booking.search.from":"From","booking.search.until":"Until","booking.search.clock":"Times on the centre's clock ({zone}).","booking.search.submit":"Search","booking.search.searching":"Searching…","booking.search.results":"Free cars","booking.search.found":"{count} free","booking.search.none":"No car is free then. Try other times or another centre.","booking.search.needCentre":"Choose a centre first.","booking.search.booked":"Booked. Your reference: {reference}.","booking.search.booking":"Booking…","booking.list.title":"My bookings","booking.list.none":"No bookings yet.","booking.list.cancel":"Cancel booking {reference}","booking.list.cancelled":"Booking {reference} is cancelled.","booking.list.fee":"Cancellation fee: {percent} %","booking.status.held":"Held","booking.status.confirmed":"Confirmed","booking.status.started":"Under way","booking.status.completed":"Completed","booking.status.cancelled":"Cancelled","booking.status.expired":"Expired","booking.status.no_show":"No-show"},de:{"booking.product.label":"Was möchten Sie?","booking.product.rental":"Miete","booking.product.subscription":"Abo","booking.product.carsharing":"Carsharing","booking.product.testdrive":"Probefahrt","booking.product.flex":"Flex","booking.product.courtesy":"Ersatzwagen","booking.product.servicing":"Werkstatt","booking.search.title":"Fahrzeug finden","booking.search.from":"Von","booking.search.until":"Bis","booking.search.clock":"Zeiten nach der Uhr des Zentrums ({zone}).","booking.search.submit":"Suchen","booking.search.searching":"Suche läuft …","booking.search.results":"Freie Fahrzeuge","booking.search.found":"{count} frei","booking.search.none":"Zu dieser Zeit ist kein Fahrzeug frei. Versuchen Sie andere Zeiten oder ein anderes Zentrum.","booking.search.needCentre":"Wählen Sie zuerst ein Zentrum.","booking.search.booked":"Gebucht. Ihre Buchungsnummer: {reference}.","booking.search.booking":"Wird gebucht …","booking.list.title":"Meine Buchungen","booking.list.none":"Noch keine Buchungen.","booking.list.cancel":"Buchung {reference} stornieren","booking.list.cancelled":"Buchung {reference} ist storniert.","booking.list.fee":"Stornogebühr: {percent} %","booking.status.held":"Reserviert","booking.status.confirmed":"Bestätigt","booking.status.started":"Unterwegs","booking.status.completed":"Abgeschlossen","booking.status.cancelled":"Storniert","booking.status.expired":"Abgelaufen","booking.status.no_show":"Nicht erschienen"}});var D=["held","confirmed"],l=class extends a{constructor(){super(),this.product="",this.limit=20,this._items=null,this._error=null,this._status=""}updated(t){["token","baseUrl","product"].some(e=>t.has(e))&&this.load()}async load(){if(!this.token){this._items=null;return}try{this._error=null;let t=await this.api.get("/booking/bookings",{product:this.product,limit:this.limit,sort:"-created_at"});this._items=t.items}catch(t){this._error=t}}async _cancel(t){try{this._error=null;let e=await this.api.post(`/booking/bookings/${t.id}/cancel`);this._status=this.t("booking.list.cancelled",{reference:e.reference}),this.emit("mp-booking-cancelled",{booking:e}),await this.load()}catch(e){this._error=e}}_when(t){let e={timeZone:t.time_zone};return`${f(t.starts_at,this.loc,e)} – ${f(t.ends_at,this.loc,e)}`}render(){let t=this._items;return s`<section class="card" aria-labelledby="title">
      <h2 id="title">${this.t("booking.list.title")}</h2>
      ${this.renderError(this._error)}
      <p role="status" class="ok">${this._status}</p>
      ${this.token?t===null?s`<p class="muted">${this.t("common.loading")}</p>`:t.length===0?s`<p>${this.t("booking.list.none")}</p>`:s`<ul class="plain">
                ${t.map(e=>s`<li data-booking=${e.reference}>
                    <div class="row" style="justify-content:space-between">
                      <strong>${this.t(`booking.product.${e.product}`)} · ${e.reference}</strong>
                      <span class="status" data-status=${e.status}
                        >${this.t(`booking.status.${e.status}`)}</span
                      >
                    </div>
                    <div class="muted">${this._when(e)}</div>
                    ${e.cancellation_fee_percent&&Number(e.cancellation_fee_percent)>0?s`<div class="muted">
                          ${this.t("booking.list.fee",{percent:e.cancellation_fee_percent})}
                        </div>`:""}
                    ${D.includes(e.status)?s`<button
                          type="button"
                          class="secondary"
                          aria-label=${this.t("booking.list.cancel",{reference:e.reference})}
                          @click=${()=>this._cancel(e)}
                        >
                          ${this.t("common.cancel")}
                        </button>`:""}
                  </li>`)}
              </ul>`:s`<p class="muted">${this.t("common.signInFirst")}</p>`}
    </section>`}};c(l,"properties",{...a.properties,product:{},limit:{type:Number},_items:{state:!0},_error:{state:!0},_status:{state:!0}}),c(l,"styles",[a.styles,g`
      li {
        padding: 0.5rem 0;
        border-bottom: 1px solid var(--_border);
      }
      li:last-child {
        border-bottom: 0;
      }
      .status {
        font-size: 0.85rem;
        padding: 0.05rem 0.45rem;
        border-radius: 999px;
        border: 1px solid currentColor;
      }
    `]);customElements.get("mp-booking-list")||customElements.define("mp-booking-list",l);var h=i=>String(i).padStart(2,"0");function _(i,t){let e=new Intl.DateTimeFormat("en-US",{timeZone:t,hourCycle:"h23",year:"numeric",month:"2-digit",day:"2-digit",hour:"2-digit",minute:"2-digit",second:"2-digit"}).formatToParts(new Date(i)),o=n=>Number(e.find(d=>d.type===n).value);return Date.UTC(o("year"),o("month")-1,o("day"),o("hour"),o("minute"),o("second"))-Math.floor(i/1e3)*1e3}function p(i,t){let e=/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(i||"");if(!e)return"";let[o,r,n,d,y]=e.slice(1).map(Number);if(!t)return new Date(o,r-1,n,d,y).toISOString();let m=Date.UTC(o,r-1,n,d,y),b=m-_(m,t);return b=m-_(b,t),new Date(b).toISOString()}function $(i,t){let e=new Date(i).getTime(),o=new Date(e+(t?_(e,t):-new Date(e).getTimezoneOffset()*6e4));return`${o.getUTCFullYear()}-${h(o.getUTCMonth()+1)}-${h(o.getUTCDate())}T${h(o.getUTCHours())}:${h(o.getUTCMinutes())}`}function k(i){let t=new Date;for(t.setDate(t.getDate()+i);t.getDay()===0||t.getDay()===6;)t.setDate(t.getDate()+1);return`${t.getFullYear()}-${h(t.getMonth()+1)}-${h(t.getDate())}`}function T(i,t){let e=new Date(`${i}T12:00:00Z`);for(e.setUTCDate(e.getUTCDate()+t);e.getUTCDay()===0||e.getUTCDay()===6;)e.setUTCDate(e.getUTCDate()+1);return e.toISOString().slice(0,10)}function C(i,t){if(i==="carsharing"){let o=Math.ceil((Date.now()+3e5)/9e5)*9e5;return[$(o,t),$(o+2*36e5,t)]}let e=k(1);return i==="testdrive"?[`${e}T10:00`,`${e}T11:00`]:i==="subscription"?[`${k(3)}T10:00`,`${T(k(3),182)}T10:00`]:[`${e}T10:00`,`${T(e,2)}T10:00`]}var u=class extends a{constructor(){super(),this.centreId="",this.timeZone="",this.product="rental",this.pool="",this.products="",this.from="",this.until="",this._free=null,this._chosen=null,this._busy=!1,this._error=null,this._status=""}willUpdate(t){t.has("product")&&(!this.from||t.get("product")!==void 0)&&([this.from,this.until]=C(this.product,this.timeZone)),["product","centreId","pool"].some(e=>t.has(e)&&t.get(e)!==void 0)&&this._clear()}get window(){return{startsAt:p(this.from,this.timeZone),endsAt:p(this.until,this.timeZone)}}_clear(){this._free=null,this._status="",this._chosen&&(this._chosen=null,this.emit("mp-vehicle-chosen",{resource:null}))}async search(t){if(t?.preventDefault(),!this.centreId)return;this._clear(),this._busy=!0,this._error=null;let{startsAt:e,endsAt:o}=this.window;try{let r=await this.api.get("/booking/availability",{product:this.product,pool:this.pool||this.product,centre_id:this.centreId,starts_at:e,ends_at:o});this._free=r.resources}catch(r){this._error=r}finally{this._busy=!1}}_choose(t){this._chosen=t,this._status="";let{startsAt:e,endsAt:o}=this.window;this.emit("mp-vehicle-chosen",{resource:t,product:this.product,centreId:this.centreId,startsAt:e,endsAt:o})}_pickProduct(t){this.product=t,this.emit("mp-product-changed",{product:t})}async book({note:t}={}){if(!this._chosen)throw new Error("no car chosen");this._busy=!0,this._error=null;let{startsAt:e,endsAt:o}=this.window;try{let r=await this.api.post("/booking/holds",{product:this.product,resource_id:this._chosen.id,starts_at:e,ends_at:o,...t?{note:t}:{}},{idempotent:!0}),n=await this.api.post(`/booking/bookings/${r.id}/confirm`);return this.announce(n.reference),this.emit("mp-booked",{booking:n}),n}catch(r){throw this._error=r,r}finally{this._busy=!1}}announce(t){this._error=null,this._status=this.t("booking.search.booked",{reference:t})}async show(t){try{let e=await this.api.get(`/booking/bookings/${t}`);this.announce(e.reference),this.emit("mp-booked",{booking:e})}catch(e){this._error=e}}fail(t){this._error=t}_renderProducts(){let t=(this.products||"").split(/\s+/).filter(Boolean);return t.length<2?"":s`<fieldset class="choices">
      <legend>${this.t("booking.product.label")}</legend>
      ${t.map(e=>s`<label
          ><input
            type="radio"
            name="product"
            value=${e}
            .checked=${e===this.product}
            @change=${()=>this._pickProduct(e)}
          />${this.t(`booking.product.${e}`)}</label
        >`)}
    </fieldset>`}_renderFree(){let t=this._free;return t===null?"":t.length?s`<fieldset>
      <legend>
        ${this.t("booking.search.results")}
        <span class="muted"
          >(${this.t("booking.search.found",{count:v(t.length,this.loc)})})</span
        >
      </legend>
      <ul class="plain cars">
        ${t.map(e=>s`<li>
            <label data-resource=${e.id}
              ><input
                type="radio"
                name="car"
                value=${e.id}
                .checked=${e.id===this._chosen?.id}
                @change=${()=>this._choose(e)}
              /><span
                ><strong>${e.model||e.label}</strong>
                <span class="muted">${[e.label,e.powertrain].filter(Boolean).join(" · ")}</span></span
              ></label
            >
          </li>`)}
      </ul>
    </fieldset>`:s`<p role="status">${this.t("booking.search.none")}</p>`}render(){return s`<section class="card" aria-labelledby="title" aria-busy=${this._busy?"true":"false"}>
      <h2 id="title">${this.t("booking.search.title")}</h2>
      ${this._renderProducts()}
      ${this.centreId?s`<form @submit=${this.search}>
            <div class="window">
              <div class="field">
                <label for="from">${this.t("booking.search.from")}</label>
                <input
                  id="from"
                  type="datetime-local"
                  required
                  .value=${this.from}
                  @change=${t=>{this.from=t.target.value,this._clear()}}
                />
              </div>
              <div class="field">
                <label for="until">${this.t("booking.search.until")}</label>
                <input
                  id="until"
                  type="datetime-local"
                  required
                  .value=${this.until}
                  @change=${t=>{this.until=t.target.value,this._clear()}}
                />
              </div>
            </div>
            ${this.timeZone?s`<p class="muted">${this.t("booking.search.clock",{zone:this.timeZone})}</p>`:""}
            <button type="submit" ?disabled=${this._busy} style="margin-bottom:var(--_space)">
              ${this._busy?this.t("booking.search.searching"):this.t("booking.search.submit")}
            </button>
          </form>`:s`<p class="muted">${this.t("booking.search.needCentre")}</p>`}
      ${this.renderError(this._error)} ${this._renderFree()}
      <p role="status" class="ok" data-booked>${this._status}</p>
    </section>`}};c(u,"properties",{...a.properties,centreId:{attribute:"centre-id"},timeZone:{attribute:"time-zone"},product:{},pool:{},products:{},from:{},until:{},_free:{state:!0},_chosen:{state:!0},_busy:{state:!0},_error:{state:!0},_status:{state:!0}}),c(u,"styles",[a.styles,g`
      fieldset {
        border: 0;
        padding: 0;
        margin: 0 0 var(--_space);
      }
      legend {
        font-weight: 500;
        margin-bottom: 0.3rem;
        padding: 0;
      }
      .choices label {
        font-weight: normal;
        display: inline-flex;
        gap: 0.35rem;
        align-items: center;
        margin-right: 0.9rem;
      }
      .window {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr));
        gap: 0 var(--_space);
      }
      ul.cars label {
        font-weight: normal;
        display: flex;
        gap: 0.5rem;
        align-items: baseline;
        padding: 0.35rem 0;
        border-bottom: 1px solid var(--_border);
      }
    `]);customElements.get("mp-vehicle-search")||customElements.define("mp-vehicle-search",u);export{l as MpBookingList,u as MpVehicleSearch,$ as instantToLocal,p as localToInstant};
