import{b as c,f as h,g as l,i as f,o as p,r as o,v as d,x as m,y as u}from"./chunks/chunk-G5RLRXYI.js";f({en:{"fleet.title":"Fleet board","fleet.asOf":"As of {when} ({zone})","fleet.filter":"Pool","fleet.all":"All pools","fleet.car":"Car","fleet.pool":"Pool","fleet.state":"State","fleet.damages":"Open damages","fleet.current":"Now","fleet.next":"Next","fleet.none":"No cars at this centre.","fleet.needCentre":"Choose a centre first.","fleet.refresh":"Refresh","fleet.until":"until {when}","fleet.from":"from {when}","fleet.blocked":"blocked until {when}","fleet.pool.rental":"Rental","fleet.pool.subscription":"Subscription","fleet.pool.carsharing":"Car sharing","fleet.pool.testdrive":"Test drive","fleet.pool.courtesy":"Courtesy","fleet.state.ready":"Ready","fleet.state.cleaning":"Cleaning","fleet.state.charging":"Charging","fleet.state.maintenance":"Maintenance","fleet.state.retired":"Retired","fleet.change":"Change state","fleet.newState":"New state","fleet.maintenanceUntil":"In maintenance until ({zone})","fleet.reason":"Reason","fleet.save":"Save","fleet.changed":"{car}: {state}."},de:{"fleet.title":"Flottenübersicht","fleet.asOf":"Stand {when} ({zone})","fleet.filter":"Pool","fleet.all":"Alle Pools","fleet.car":"Fahrzeug","fleet.pool":"Pool","fleet.state":"Zustand","fleet.damages":"Offene Schäden","fleet.current":"Jetzt","fleet.next":"Als Nächstes","fleet.none":"Keine Fahrzeuge in diesem Zentrum.","fleet.needCentre":"Wählen Sie zuerst ein Zentrum.","fleet.refresh":"Aktualisieren","fleet.until":"bis {when}","fleet.from":"ab {when}","fleet.blocked":"gesperrt bis {when}","fleet.pool.rental":"Miete","fleet.pool.subscription":"Abo","fleet.pool.carsharing":"Carsharing","fleet.pool.testdrive":"Probefahrt","fleet.pool.courtesy":"Ersatzwagen","fleet.state.ready":"Bereit","fleet.state.cleaning":"Reinigung","fleet.state.charging":"Lädt","fleet.state.maintenance":"Wartung","fleet.state.retired":"Ausgemustert","fleet.change":"Zustand ändern","fleet.newState":"Neuer Zustand","fleet.maintenanceUntil":"In Wartung bis ({zone})","fleet.reason":"Grund","fleet.save":"Speichern","fleet.changed":"{car}: {state}."}});var $=["rental","subscription","carsharing","testdrive","courtesy"],g=["ready","cleaning","charging","maintenance","retired"],r=class extends d{constructor(){super(),this.centreId="",this.pool="",this.pollSeconds=0,this._board=null,this._error=null,this._timer=0,this._wanted={},this._changed="",this._changing=""}disconnectedCallback(){clearInterval(this._timer),super.disconnectedCallback()}updated(t){["centreId","token","baseUrl"].some(s=>t.has(s))&&this.load(),t.has("pollSeconds")&&(clearInterval(this._timer),this.pollSeconds>0&&(this._timer=setInterval(()=>this.load(),this.pollSeconds*1e3)))}async load(){if(!this.centreId||!this.token){this.supersede("board"),this._board=null;return}try{let{answer:t,stale:s}=await this.latest("board",()=>this.api.get("/fleet/board",{centre_id:this.centreId}));if(s)return;this._error=null,this._board=t}catch(t){this._error=t}}async _changeState(t,s){t.preventDefault();let a=new FormData(t.target),e=String(a.get("state")),i={state:e,reason:String(a.get("reason")||"").trim()};e==="maintenance"&&(i.until=m(String(a.get("until")),this._board.time_zone)),this._changing=s.car_id;let n=t.target;try{await this.api.post(`/fleet/cars/${s.car_id}/state`,i),n.reset(),n.closest("details").open=!1,this._error=null,this._changed=this.t("fleet.changed",{car:s.label,state:this.t(`fleet.state.${e}`)}),this._wanted={...this._wanted,[s.car_id]:void 0},await this.load()}catch(b){this._error=b}finally{this._changing=""}}_renderChange(t,s){let a=`change-${t.car_id}`,e=this._wanted[t.car_id]||g.find(n=>n!==t.state),i=u(Date.now()+24*36e5,s).slice(0,11)+"18:00";return l`<details>
      <summary>${this.t("fleet.change")}<span class="sr-only"> ${t.label}</span></summary>
      <form @submit=${n=>this._changeState(n,t)}>
        <div class="field">
          <label for="${a}-state">${this.t("fleet.newState")}</label>
          <select
            id="${a}-state"
            name="state"
            @change=${n=>this._wanted={...this._wanted,[t.car_id]:n.target.value}}
          >
            ${g.filter(n=>n!==t.state).map(n=>l`<option value=${n} ?selected=${n===e}>${this.t(`fleet.state.${n}`)}</option>`)}
          </select>
        </div>
        ${e==="maintenance"?l`<div class="field">
              <label for="${a}-until">${this.t("fleet.maintenanceUntil",{zone:s})}</label>
              <input id="${a}-until" name="until" type="datetime-local" required .value=${i} />
            </div>`:""}
        <div class="field">
          <label for="${a}-reason">${this.t("fleet.reason")}</label>
          <input id="${a}-reason" name="reason" required maxlength="200" />
        </div>
        <button type="submit" ?disabled=${this._changing===t.car_id}>${this.t("fleet.save")}</button>
      </form>
    </details>`}_booking(t,s,a,e){return t?l`<span data-reference=${t.reference}
      >${t.reference}<br /><span class="muted"
        >${this.t(s,{when:o(a,this.loc,{timeZone:e})})}</span
      ></span
    >`:l`<span class="muted">–</span>`}render(){let t=this._board,s=t?t.cars.filter(e=>!this.pool||e.pool===this.pool):[],a=t?.time_zone;return l`<section class="card" aria-labelledby="title">
      <div class="toolbar">
        <div>
          <h2 id="title">${this.t("fleet.title")}</h2>
          ${t?l`<p class="muted" style="margin:0">
                ${this.t("fleet.asOf",{when:o(t.as_of,this.loc,{timeZone:a}),zone:a})}
              </p>`:""}
        </div>
        <div class="row">
          <div class="field">
            <label for="pool">${this.t("fleet.filter")}</label>
            <select id="pool" @change=${e=>this.pool=e.target.value}>
              <option value="" ?selected=${!this.pool}>${this.t("fleet.all")}</option>
              ${$.map(e=>l`<option value=${e} ?selected=${e===this.pool}>${this.t(`fleet.pool.${e}`)}</option>`)}
            </select>
          </div>
          <button type="button" class="secondary" style="align-self:end" @click=${()=>this.load()}>
            ${this.t("fleet.refresh")}
          </button>
        </div>
      </div>
      ${this.renderError(this._error)}
      <p role="status" class="ok" data-changed>${this._changed}</p>
      ${this.centreId?this.token?t?s.length===0?l`<p>${this.t("fleet.none")}</p>`:l`<div class="scroll" tabindex="0" role="region" aria-labelledby="title">
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
                      ${s.map(e=>l`<tr data-car=${e.vin}>
                          <th scope="row">
                            ${e.label}<br /><span class="muted" style="font-weight:normal">${e.vin}</span>
                          </th>
                          <td>${this.t(`fleet.pool.${e.pool}`)}</td>
                          <td>
                            <span class="state" data-state=${e.state}>${this.t(`fleet.state.${e.state}`)}</span>
                            ${e.blocked_until?l`<br /><span class="muted"
                                    >${this.t("fleet.blocked",{when:o(e.blocked_until,this.loc,{timeZone:a})})}</span
                                  >`:""}
                          </td>
                          <td>${p(e.open_damages,this.loc)}</td>
                          <td data-current>
                            ${this._booking(e.current_booking,"fleet.until",e.current_booking?.ends_at,a)}
                          </td>
                          <td data-next>
                            ${this._booking(e.next_booking,"fleet.from",e.next_booking?.starts_at,a)}
                          </td>
                          <td data-change>${this._renderChange(e,a)}</td>
                        </tr>`)}
                    </tbody>
                  </table>
                </div>`:l`<p class="muted">${this.t("common.loading")}</p>`:l`<p class="muted">${this.t("common.signInFirst")}</p>`:l`<p class="muted">${this.t("fleet.needCentre")}</p>`}
    </section>`}};c(r,"properties",{...d.properties,centreId:{attribute:"centre-id"},pool:{},pollSeconds:{attribute:"poll-seconds",type:Number},_board:{state:!0},_error:{state:!0},_wanted:{state:!0},_changed:{state:!0},_changing:{state:!0}}),c(r,"styles",[d.styles,h`
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
    `]);customElements.get("mp-fleet-board")||customElements.define("mp-fleet-board",r);export{r as MpFleetBoard};
