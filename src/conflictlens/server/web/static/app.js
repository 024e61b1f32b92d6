// The conflictlens web page: a thin client of the REST API. Article text is only ever inserted as text
// nodes (never as HTML), so nothing in a report can run in the page.
"use strict";

const COLOURS = {
  "Battles": "#d32f2f",
  "Explosions/Remote violence": "#f57c00",
  "Violence against civilians": "#7b1fa2",
  "Protests": "#1976d2",
  "Riots": "#0097a7",
  "Strategic developments": "#616161",
};
const PAGE = 50;
const state = { offset: 0, total: 0, selected: null, taxonomy: {}, order: "date" };

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value !== null && value !== undefined) node.setAttribute(name, value);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

function say(text, isError = false) {
  const message = document.getElementById("message");
  message.textContent = text;
  message.className = isError ? "error" : "";
}

function filterParams() {
  const params = new URLSearchParams();
  const form = document.getElementById("filters");
  for (const field of form.elements) {
    if (!field.name) continue;
    if (field.type === "checkbox") {
      if (field.checked) params.set(field.name, "true");
    } else if (field.value.trim()) {
      params.set(field.name, field.value.trim());
    }
  }
  return params;
}

// The API token, for a server that wants one to read and for reviews: it lives in this variable only, for the life
// of the page, never in sessionStorage or localStorage (which outlive the page and any script of the site can read).
let apiToken = "";

function useToken(value) {
  apiToken = value.trim();
  document.getElementById("token").value = apiToken;
}

// Every call sends the token; a refused one is said in the message line, with where to enter another.
async function request(path, options = {}) {
  const headers = new Headers(options.headers || {});
  if (apiToken) headers.set("Authorization", `Bearer ${apiToken}`);
  const response = await fetch(path, { ...options, headers });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = (await response.json()).detail; } catch (_) { /* the body was not JSON */ }
    const text = typeof detail === "string" ? detail : JSON.stringify(detail);
    if (response.status === 401) {
      const refused = `The API refused the request (${text}). Enter a valid API token in the token field at the top.`;
      say(refused, true);
      throw new Error(refused);
    }
    throw new Error(text);
  }
  return response;
}

async function api(path, options = {}) {
  const response = await request(path, options);
  return response.headers.get("content-type")?.includes("json") ? response.json() : response.text();
}

// A link cannot send a header: with a token, the file is fetched with it and saved from memory.
async function downloadWithToken(click) {
  if (!apiToken) return;
  click.preventDefault();
  const link = click.currentTarget;
  try {
    const file = URL.createObjectURL(await (await request(link.href)).blob());
    el("a", { href: file, download: link.getAttribute("download") }).click();
    setTimeout(() => URL.revokeObjectURL(file), 0);
  } catch (error) {
    say(error.message, true);
  }
}

// ---- map ----
let map = null;
let cluster = null;
let placeLabels = null;
let admin1Outlines = null;

function colour(type) { return COLOURS[type] || "#455a64"; }

async function setUpMap() {
  if (!window.L) {
    say("The map libraries are not installed: run `make install` (npm ci in src/conflictlens/web).", true);
    return;
  }
  // The clustering plugin needs a maximum zoom, which a map without tiles does not get from a tile layer.
  map = L.map("map", { worldCopyJump: true, minZoom: 2, maxZoom: 14 }).setView([15, 0], 4);
  const config = await api("/api/map-config");
  if (config.tiles) {
    L.tileLayer(config.tiles, { attribution: config.tiles_attribution || "", maxZoom: 18 }).addTo(map);
  }
  try {
    const world = await api("/vendor/world-atlas/countries-50m.json");
    const countries = topojson.feature(world, world.objects.countries);
    L.geoJSON(countries, {
      style: { color: "#607d8b", weight: 1, fillColor: "#eceff1", fillOpacity: 1 },
      className: "country",
      interactive: false,
    }).addTo(map);
    document.getElementById("map").dataset.outlines = String(countries.features.length);
    countryLabels(countries).addTo(map);
  } catch (error) {
    say(`Country outlines could not be loaded (${error.message}).`, true);
  }
  try {
    const admin1 = await api("/static/admin1-lines.json");
    // One canvas path of ~120,000 points redraws faster than SVG; the lines show from zoom 4 (a region) on.
    admin1Outlines = L.geoJSON(admin1, {
      style: { color: "#90a4ae", weight: 0.8, dashArray: "3 3" }, interactive: false, renderer: L.canvas(),
    });
    const lines = admin1.features.reduce((n, f) => n + f.geometry.coordinates.length, 0);
    document.getElementById("map").dataset.admin1Lines = String(lines);
  } catch (error) {
    say(`Province outlines could not be loaded (${error.message}).`, true);
  }
  placeLabels = L.layerGroup().addTo(map);
  const showLabelsByZoom = () => {
    const container = map.getContainer();
    container.classList.toggle("zoom-countries", map.getZoom() >= 3 && map.getZoom() < 7);
    container.classList.toggle("zoom-places", map.getZoom() >= 6);
    if (admin1Outlines && map.getZoom() >= 4) admin1Outlines.addTo(map);
    else if (admin1Outlines) admin1Outlines.remove();
  };
  map.on("zoomend", showLabelsByZoom);
  showLabelsByZoom();
  map.attributionControl.addAttribution("Outlines: Natural Earth (public domain)");
  cluster = L.markerClusterGroup({ maxClusterRadius: 40, animate: false });
  map.addLayer(cluster);
  const legend = document.getElementById("legend");
  for (const [type, hex] of Object.entries(COLOURS)) {
    legend.append(el("span", {}, el("i", { style: `background:${hex}` }), type));
  }
}

// A label is a non-interactive marker whose icon is a text node, so no name can carry markup into the map.
function label(latlng, text, className) {
  const icon = L.divIcon({ className, html: el("span", {}, text), iconSize: null });
  return L.marker(latlng, { icon, interactive: false, keyboard: false });
}

function countryLabels(countries) {
  const labels = L.layerGroup();
  for (const feature of countries.features) {
    if (!feature.geometry || !feature.properties.name) continue;
    // A country's label sits in the middle of its largest part, not of its overseas territories.
    const polygons = feature.geometry.type === "MultiPolygon" ? feature.geometry.coordinates : [feature.geometry.coordinates];
    let largest = null;
    let largestArea = -1;
    for (const polygon of polygons) {
      const bounds = L.latLngBounds(polygon[0].map(([lon, lat]) => [lat, lon]));
      const area = (bounds.getEast() - bounds.getWest()) * (bounds.getNorth() - bounds.getSouth());
      if (area > largestArea) { largest = bounds; largestArea = area; }
    }
    if (largest) labels.addLayer(label(largest.getCenter(), feature.properties.name, "country-label"));
  }
  return labels;
}

// The places that events happened at, most events first: a map without tiles has no other names on it.
const MOST_PLACE_LABELS = 200;
function labelPlaces(features) {
  placeLabels.clearLayers();
  const places = new Map();
  for (const feature of features) {
    if (!feature.geometry || !feature.properties.location) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const key = `${feature.properties.location}|${lat}|${lon}`;
    const place = places.get(key) || { name: feature.properties.location, lat, lon, events: 0 };
    place.events += 1;
    places.set(key, place);
  }
  const busiest = [...places.values()].sort((a, b) => b.events - a.events).slice(0, MOST_PLACE_LABELS);
  for (const place of busiest) placeLabels.addLayer(label([place.lat, place.lon], place.name, "place-label"));
  document.getElementById("map").dataset.placeLabels = String(busiest.length);
}

async function loadMap(params) {
  if (!map) return;
  const collection = await api(`/api/events.geojson?${params}`);
  cluster.clearLayers();
  const markers = [];
  for (const feature of collection.features) {
    if (!feature.geometry) continue;
    const [lon, lat] = feature.geometry.coordinates;
    const p = feature.properties;
    const marker = L.circleMarker([lat, lon], {
      radius: 7, color: "#fff", weight: 1, fillColor: colour(p.event_type), fillOpacity: 0.9,
      className: "event-marker",
    });
    // Leaflet inserts a string tooltip as HTML; a text node keeps a reviewer's or a report's markup inert.
    marker.bindTooltip(el("span", {}, `${p.event_date || "undated"} · ${p.event_type} · ${p.location || ""}`));
    marker.on("click", () => showEvent(p.event_id));
    markers.push(marker);
  }
  cluster.addLayers(markers);
  labelPlaces(collection.features);
  document.getElementById("map").dataset.points = String(markers.length);
  if (markers.length) map.fitBounds(L.featureGroup(markers).getBounds().pad(0.3), { maxZoom: 6, animate: false });
}

// ---- timeline ----
function everyMonth(counted) {
  // Months with no events get an empty bar, so the axis is time, not a list.
  if (!counted.length) return [];
  const byMonth = new Map(counted.map((m) => [m.month, m]));
  const months = [];
  let [year, month] = counted[0].month.split("-").map(Number);
  const last = counted[counted.length - 1].month;
  for (;;) {
    const key = `${year}-${String(month).padStart(2, "0")}`;
    months.push(byMonth.get(key) || { month: key, events: 0, fatalities: 0 });
    if (key >= last) return months;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

async function loadTimeline(params) {
  const months = everyMonth(await api(`/api/timeline?${params}`));
  const svg = document.getElementById("timeline");
  svg.replaceChildren();
  const width = svg.clientWidth || 600;
  const height = svg.clientHeight || 110;
  if (!months.length) return;
  const ns = "http://www.w3.org/2000/svg";
  const svgEl = (tag, attributes, text) => {
    const node = document.createElementNS(ns, tag);
    for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, String(value));
    if (text !== undefined) node.textContent = text;
    return node;
  };
  const most = Math.max(...months.map((m) => m.events));
  const axis = 28;  // room for the count axis on the left
  const plot = height - 22;
  const step = (width - axis) / months.length;
  // The count axis: zero and the busiest month, with a rule at each.
  for (const value of [0, most]) {
    const y = height - 16 - (value / most) * plot;
    svg.append(svgEl("line", { class: "axis", x1: axis - 3, x2: width, y1: y, y2: y, stroke: "#cfd8dc" }));
    svg.append(svgEl("text", { class: "axis-label", x: axis - 5, y: y + 3, "font-size": 10, "text-anchor": "end" },
      String(value)));
  }
  months.forEach((month, i) => {
    const x = axis + i * step + 1;
    let top = height - 16;
    // One bar per month, stacked by event type in the legend's colours.
    const group = svgEl("g", { class: "bar", "data-month": month.month });
    for (const type of Object.keys(COLOURS)) {
      const count = (month.by_type || {})[type] || 0;
      if (!count) continue;
      const barHeight = Math.max(1, (count / most) * plot);
      top -= barHeight;
      group.append(svgEl("rect", { class: "segment", x, y: top, width: Math.max(1, step - 2), height: barHeight,
        fill: colour(type), "data-type": type }));
    }
    const parts = Object.entries(month.by_type || {}).map(([type, n]) => `${n} ${type}`).join(", ");
    group.append(svgEl("title", {}, `${month.month}: ${month.events} events, ${month.fatalities} deaths`
      + (parts ? ` (${parts})` : "")));
    group.addEventListener("click", () => {
      const [year, mon] = month.month.split("-").map(Number);
      const last = new Date(Date.UTC(year, mon, 0)).getUTCDate();
      const form = document.getElementById("filters");
      form.elements.date_from.value = `${month.month}-01`;
      form.elements.date_to.value = `${month.month}-${String(last).padStart(2, "0")}`;
      refresh();
    });
    svg.append(group);
    if (months.length <= 24 || i % Math.ceil(months.length / 12) === 0) {
      svg.append(svgEl("text", { class: "axis-label", x: x + 1, y: height - 3, "font-size": 10 }, month.month));
    }
  });
}

// ---- table ----
async function loadTable(params) {
  params.set("limit", String(PAGE));
  params.set("offset", String(state.offset));
  params.set("order", state.order);
  const page = await api(`/api/events?${params}`);
  state.total = page.total;
  for (const th of document.querySelectorAll("#events th[data-order]")) {
    const key = th.dataset.order;
    th.setAttribute("aria-sort", state.order === key ? "ascending" : state.order === `-${key}` ? "descending" : "none");
  }
  const body = document.querySelector("#events tbody");
  body.replaceChildren();
  for (const e of page.events) {
    const row = el("tr", { "data-event-id": e.event_id, class: e.review_status === "rejected" ? "rejected" : null },
      el("td", {}, e.event_date || "—"),
      el("td", {}, el("i", { style: `display:inline-block;width:8px;height:8px;border-radius:50%;background:${colour(e.event_type)}` }), " ", e.event_type),
      el("td", {}, e.sub_event_type), el("td", {}, [e.location, e.admin1, e.country].filter(Boolean).join(", ")),
      el("td", {}, e.actor1 || ""), el("td", {}, e.actor2 || ""), el("td", {}, e.fatalities),
      el("td", {}, e.independent_sources ?? 1), el("td", {}, e.claim_status || ""), el("td", {}, e.review_status));
    row.addEventListener("click", () => showEvent(e.event_id));
    if (e.event_id === state.selected) row.classList.add("selected");
    body.append(row);
  }
  document.getElementById("summary").textContent = `${page.total} events`;
  const last = Math.min(state.offset + PAGE, page.total);
  document.getElementById("page").textContent = page.total ? `${state.offset + 1}–${last} of ${page.total}` : "none";
  document.getElementById("previous").disabled = state.offset === 0;
  document.getElementById("next").disabled = last >= page.total;
  return page;
}

// ---- detail ----
function highlighted(text, spans) {
  // The document as text nodes, with each evidence span wrapped in <mark>.
  const container = el("div", { class: "document" });
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start)) {
    if (span.start < at || span.end > text.length) continue;
    container.append(text.slice(at, span.start));
    container.append(el("mark", { class: span.kind === "denial" ? "denial" : null, title: span.title || null },
      text.slice(span.start, span.end)));
    at = span.end;
  }
  container.append(text.slice(at));
  return container;
}

async function showEvent(eventId) {
  state.selected = eventId;
  saveView();
  for (const row of document.querySelectorAll("#events tbody tr")) {
    row.classList.toggle("selected", row.dataset.eventId === eventId);
  }
  let found;
  try {
    found = await api(`/api/events/${encodeURIComponent(eventId)}`);
  } catch (error) {
    say(error.message, true);
    return;
  }
  const { event, detail, documents, audit } = found;
  const panel = document.getElementById("detail");
  panel.hidden = false;
  panel.replaceChildren();
  panel.append(el("h2", {}, `${event.event_type} — ${event.sub_event_type}`));
  const fields = [["Event", event.event_id], ["Date", `${event.event_date || "unknown"} (${event.date_precision || ""})`],
    ["Actor 1", event.actor1], ["Actor 2", event.actor2],
    ["Place", [event.location, event.admin2, event.admin1, event.country].filter(Boolean).join(", ")],
    ["Coordinates", event.latitude == null ? "none" : `${event.latitude}, ${event.longitude} (geo precision ${event.geo_precision})`],
    ["Fatalities", `${event.fatalities}` + (event.fatalities_min !== event.fatalities_max && event.fatalities_max != null ? ` (reports give ${event.fatalities_min}–${event.fatalities_max})` : "")],
    ["Claim", event.claim_status], ["Fusion", `${event.fusion_status || ""}, ${event.independent_sources ?? 1} independent source(s)`
      + (event.attestation ? `; ${event.attestation}` : "")],
    ["Contested", event.contested_parts || "no"],
    ["Review", event.review_status], ["Notes", event.notes]];
  const list = el("dl", { class: "fields" });
  for (const [name, value] of fields) list.append(el("dt", {}, name), el("dd", { "data-field": name }, value ?? ""));
  panel.append(list);

  panel.append(el("h3", {}, "Sources"));
  const sources = el("ul", { class: "sources" });
  for (const report of detail.reports || []) {
    const cited = report.source ? `, citing ${report.source.name}` : "";
    const side = report.side ? `, ${report.side}` : "";
    const role = { event: "reports it", allegation: "alleges it", denial: "denies it" }[report.kind || "event"];
    sources.append(el("li", {}, `${report.outlet} (${report.affiliation || "independent"}${side}) ${role}${cited}: `
      + `${report.claim_status}, ${report.fatalities_text ? `${report.fatalities} dead` : "no toll"}`
      + (report.published_at ? `, published ${report.published_at}` : "")));
  }
  panel.append(sources);

  panel.append(el("h3", {}, "Claims: who says what"));
  const table = el("table", { class: "claims" });
  table.append(el("thead", {}, el("tr", {}, ...["Outlet", "Claimant", "Says", "Who did it", "Toll", "Published", "Evidence"]
    .map((h) => el("th", {}, h)))));
  const body = el("tbody");
  for (const row of detail.claims_table || []) {
    const outlet = row.outlet ? `${row.outlet}${row.side ? ` (${row.side})` : ""}` : row.doc_id;
    body.append(el("tr", { class: `claim-${row.claim_type}` }, el("td", {}, outlet), el("td", {}, row.claimant),
      el("td", {}, row.says), el("td", {}, row.perpetrator || ""), el("td", {}, row.fatalities ?? ""),
      el("td", {}, row.published_at || ""), el("td", {}, row.evidence)));
  }
  table.append(body);
  panel.append(table);

  panel.append(el("h3", {}, "Evidence"));
  const claims = detail.event?.claims || [];
  for (const [docId, doc] of Object.entries(documents)) {
    const spans = claims.filter((c) => c.doc_id === docId).map((c) => ({
      start: c.span.start, end: c.span.end, kind: c.claim_type,
      title: `${c.claim_type} — ${c.claimant?.name || "unattributed"}`,
    }));
    panel.append(el("h4", {}, [doc.outlet, doc.title].filter(Boolean).join(": ") || docId));
    // Only web addresses become links: a document's url is input, and a javascript: URL would run on click.
    if (/^https?:\/\//i.test(doc.url || "")) {
      panel.append(el("p", { class: "article-link" },
        el("a", { href: doc.url, target: "_blank", rel: "noopener noreferrer" }, "Read the article")));
    }
    if ((doc.warnings || []).length) {
      panel.append(el("ul", { class: "warnings" }, ...doc.warnings.map((w) => el("li", {}, `Warning: ${w}`))));
    }
    panel.append(highlighted(doc.text || "", spans));
  }

  panel.append(reviewForm(event));
  panel.append(el("h3", {}, "Audit trail"));
  const trail = el("ol", { class: "audit" });
  for (const entry of audit) {
    const changed = Object.keys(entry.after).filter((k) => JSON.stringify(entry.after[k]) !== JSON.stringify(entry.before[k]));
    trail.append(el("li", { class: "audit-entry" }, `${entry.at} ${entry.reviewer}: ${entry.action}`
      + (changed.length ? ` (${changed.map((k) => `${k}: ${entry.before[k]} → ${entry.after[k]}`).join("; ")})` : "")));
  }
  if (!audit.length) trail.append(el("li", {}, "not reviewed yet"));
  panel.append(trail);
}

function reviewForm(event) {
  const form = el("form", { class: "review", id: "review" });
  form.append(el("h3", {}, "Review"));
  const token = el("input", { type: "password", name: "token", size: "30", placeholder: "API token", autocomplete: "off" });
  token.value = apiToken;
  const action = el("select", { name: "action" }, el("option", {}, "edit"), el("option", {}, "confirm"), el("option", {}, "reject"));
  form.append(el("label", {}, "Token ", token), el("label", {}, "Action ", action), el("br"));
  const typeSelect = el("select", { name: "event_type" });
  for (const type of Object.keys(state.taxonomy)) typeSelect.append(el("option", {}, type));
  typeSelect.value = event.event_type;
  const subSelect = el("select", { name: "sub_event_type" });
  const fillSubTypes = () => {
    subSelect.replaceChildren(...(state.taxonomy[typeSelect.value] || []).map((s) => el("option", {}, s)));
  };
  fillSubTypes();
  subSelect.value = event.sub_event_type;
  typeSelect.addEventListener("change", fillSubTypes);
  form.append(el("label", {}, "Type ", typeSelect), el("label", {}, "Sub-type ", subSelect), el("br"));
  const inputs = { event_type: typeSelect, sub_event_type: subSelect };
  for (const [name, kind] of [["actor1", "text"], ["actor2", "text"], ["location", "text"], ["event_date", "date"],
    ["fatalities", "number"]]) {
    const input = el("input", { type: kind, name, min: kind === "number" ? "0" : null });
    input.value = event[name] ?? "";
    inputs[name] = input;
    form.append(el("label", {}, `${name} `, input));
  }
  const result = el("p", { class: "result", role: "status" });
  form.append(el("button", { type: "submit" }, "Save review"), result);
  form.addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    useToken(token.value);
    const changes = {};
    if (action.value === "edit") {
      for (const [name, input] of Object.entries(inputs)) {
        const value = name === "fatalities" ? Number(input.value) : input.value;
        if (String(value) !== String(event[name] ?? "")) changes[name] = value;
      }
    }
    try {
      await api(`/api/events/${encodeURIComponent(event.event_id)}/review`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ action: action.value, changes }),
      });
      await refresh(false);
      await showEvent(event.event_id);
      say(`Event ${event.event_id}: ${action.value} saved.`);
    } catch (error) {
      result.textContent = error.message;
      result.className = "result error";
    }
  });
  return form;
}

function closeDetail() {
  state.selected = null;
  const panel = document.getElementById("detail");
  panel.hidden = true;
  panel.replaceChildren();
  saveView();
}

// The view (filters, order, the event shown) lives in the address, so that it can be bookmarked and shared.
function saveView() {
  const params = filterParams();
  if (state.order !== "date") params.set("order", state.order);
  if (state.selected) params.set("event", state.selected);
  const query = params.toString();
  history.replaceState(null, "", query ? `?${query}` : location.pathname);
}

function restoreView() {
  const params = new URLSearchParams(location.search);
  const form = document.getElementById("filters");
  for (const field of form.elements) {
    if (!field.name || !params.has(field.name)) continue;
    if (field.type === "checkbox") field.checked = params.get(field.name) === "true";
    else field.value = params.get(field.name);
  }
  state.order = params.get("order") || "date";
  return params.get("event");
}

function updateDownloads(params) {
  document.getElementById("download-csv").href = `/api/export?format=acled-csv&${params}`;
  document.getElementById("download-geojson").href = `/api/events.geojson?${params}`;
}

async function refresh(resetPage = true) {
  if (resetPage) state.offset = 0;
  const params = filterParams();
  updateDownloads(params);
  say("Loading…");
  try {
    const [page] = await Promise.all([loadTable(new URLSearchParams(params)), loadMap(new URLSearchParams(params)),
      loadTimeline(new URLSearchParams(params))]);
    // A filter that leaves the shown event out of the list closes its detail: the panel never shows a stale event.
    if (state.selected && !page.events.some((e) => e.event_id === state.selected)) closeDetail();
    saveView();
    say("");
  } catch (error) {
    say(error?.message || String(error), true);
  }
}

async function start() {
  state.taxonomy = await api("/api/taxonomy");
  const typeFilter = document.querySelector("#filters select[name=event_type]");
  for (const type of Object.keys(state.taxonomy)) typeFilter.append(el("option", {}, type));
  document.getElementById("filters").addEventListener("submit", (e) => { e.preventDefault(); refresh(); });
  document.getElementById("filters").addEventListener("reset", () => setTimeout(() => {
    state.order = "date";
    refresh();
  }, 0));
  document.getElementById("previous").addEventListener("click", () => { state.offset = Math.max(0, state.offset - PAGE); loadTable(filterParams()); });
  document.getElementById("next").addEventListener("click", () => { state.offset += PAGE; loadTable(filterParams()); });
  for (const th of document.querySelectorAll("#events th[data-order]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.order;
      state.order = state.order === key ? `-${key}` : key;
      state.offset = 0;
      loadTable(filterParams()).then(saveView).catch((error) => say(error.message, true));
    });
  }
  document.getElementById("review-queue").addEventListener("click", () => {
    state.order = "need";
    refresh();
  });
  document.getElementById("token-form").addEventListener("submit", async (submitted) => {
    submitted.preventDefault();
    useToken(document.getElementById("token").value);
    await refresh(false);
    if (state.selected) await showEvent(state.selected);
  });
  for (const link of document.querySelectorAll("#download-csv, #download-geojson")) {
    link.addEventListener("click", downloadWithToken);
  }
  const shown = restoreView();
  await setUpMap();
  await refresh();
  if (shown) await showEvent(shown);
  document.body.dataset.ready = "true";
}

start().catch((error) => say(error?.message || String(error), true));
