/**
 * The optional point of a proposal on a map of Gdynia (Leaflet over map tiles, by default
 * OpenStreetMap's; MAP_TILE_URL points elsewhere, e.g. the city's own tile server).
 *
 * A progressive enhancement only: without JavaScript, and for anyone who prefers typing, the
 * latitude/longitude fields of the form are the way to give a point, and the proposal page links to
 * the point on openstreetmap.org. With JavaScript the picker shows above those fields: a click (or
 * "put the point in the middle of the map", for keyboard users, after panning with the arrow keys)
 * fills them in; typing in them moves the marker.
 */
import { useEffect, useRef, useState } from "react";
import { useRouteLoaderData } from "@remix-run/react";
import type { Map as LeafletMap, Marker } from "leaflet";
import leafletCss from "leaflet/dist/leaflet.css?url";
import { useHydrated, useT } from "~/i18n";
import { CITY, insideCity } from "~/domain/city";

/** The city's extent, as the proposal form accepts it (app/domain/city.ts). */
export const CITY_BOUNDS = CITY.bounds;
const CITY_CENTRE = CITY.centre;
export const DEFAULT_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

function useMapTiles(): string {
  const root = useRouteLoaderData("root") as { mapTileUrl?: string } | undefined;
  return root?.mapTileUrl ?? DEFAULT_TILE_URL;
}

function ensureStylesheet() {
  if (document.querySelector(`link[data-leaflet]`)) return;
  const link = document.createElement("link");
  link.rel = "stylesheet";
  link.href = leafletCss;
  link.dataset.leaflet = "";
  document.head.appendChild(link);
}

/** Coordinates with 6 decimals (about 10 cm), inside Gdynia. */
const round = (v: number) => Math.round(v * 1e6) / 1e6;
const inside = insideCity;

export function osmLink(lat: number, lng: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lng}#map=17/${lat}/${lng}`;
}

/** Loads Leaflet in the browser and makes a map in `el`: interactive (picker) or a still picture. */
async function makeMap(el: HTMLElement, tiles: string, opts: { interactive: boolean; zoomIn: string; zoomOut: string }) {
  ensureStylesheet();
  const L = (await import("leaflet")).default;
  const map = L.map(el, {
    center: CITY_CENTRE,
    zoom: 12,
    minZoom: 11,
    maxBounds: L.latLngBounds([CITY_BOUNDS.south - 0.05, CITY_BOUNDS.west - 0.1], [CITY_BOUNDS.north + 0.05, CITY_BOUNDS.east + 0.1]),
    keyboard: opts.interactive,
    dragging: opts.interactive,
    scrollWheelZoom: false,
    doubleClickZoom: opts.interactive,
    touchZoom: opts.interactive,
    boxZoom: false,
    zoomControl: false,
    // the credit is printed under the map, outside it (a link inside a picture would be unreachable)
    attributionControl: false,
  });
  if (opts.interactive) L.control.zoom({ zoomInTitle: opts.zoomIn, zoomOutTitle: opts.zoomOut }).addTo(map);
  L.tileLayer(tiles, { maxZoom: 19 }).addTo(map);
  const icon = L.divIcon({ className: "map-pin", iconSize: [24, 24], iconAnchor: [12, 24], html: "" });
  return { L, map, icon };
}

function Credit() {
  const { t } = useT();
  return (
    <p className="map-credit">
      {t("map.credit")}{" "}
      <a href="https://www.openstreetmap.org/copyright" rel="noopener noreferrer">
        © OpenStreetMap
      </a>
    </p>
  );
}

export function LocationPicker({ latId, lngId }: { latId: string; lngId: string }) {
  const { t } = useT();
  const tiles = useMapTiles();
  const el = useRef<HTMLDivElement>(null);
  const api = useRef<{ map: LeafletMap; place: (lat: number, lng: number, fill: boolean) => void } | null>(null);
  const [status, setStatus] = useState<string>("");
  // the map's texts are not in the page's messages, and some are used outside rendering
  const hydrated = useHydrated();

  useEffect(() => {
    if (!hydrated) return;
    let cancelled = false;
    let marker: Marker | null = null;
    const latInput = document.getElementById(latId) as HTMLInputElement | null;
    const lngInput = document.getElementById(lngId) as HTMLInputElement | null;
    if (!el.current || !latInput || !lngInput) return;
    const readInputs = () => {
      const lat = Number(latInput.value.replace(",", "."));
      const lng = Number(lngInput.value.replace(",", "."));
      return latInput.value && lngInput.value && Number.isFinite(lat) && Number.isFinite(lng) && inside(lat, lng) ? ([lat, lng] as const) : null;
    };
    let cleanup = () => {};
    void makeMap(el.current, tiles, { interactive: true, zoomIn: t("map.zoom_in"), zoomOut: t("map.zoom_out") }).then(({ L, map, icon }) => {
      if (cancelled) return map.remove();
      const place = (lat: number, lng: number, fill: boolean) => {
        if (!inside(lat, lng)) {
          setStatus(t("map.picker.outside"));
          return;
        }
        if (!marker) {
          marker = L.marker([lat, lng], { icon, draggable: true, keyboard: false }).addTo(map);
          marker.on("dragend", () => {
            const p = marker!.getLatLng();
            place(p.lat, p.lng, true);
          });
        } else marker.setLatLng([lat, lng]);
        if (fill) {
          latInput.value = String(round(lat));
          lngInput.value = String(round(lng));
        }
        setStatus(t("map.picker.placed", { lat: String(round(lat)), lng: String(round(lng)) }));
      };
      api.current = { map, place };
      map.on("click", (e) => place(e.latlng.lat, e.latlng.lng, true));
      const start = readInputs();
      if (start) {
        place(start[0], start[1], false);
        map.setView([start[0], start[1]], 16);
      }
      const onType = () => {
        const p = readInputs();
        if (p) place(p[0], p[1], false);
      };
      latInput.addEventListener("change", onType);
      lngInput.addEventListener("change", onType);
      cleanup = () => {
        latInput.removeEventListener("change", onType);
        lngInput.removeEventListener("change", onType);
        map.remove();
      };
    });
    return () => {
      cancelled = true;
      api.current = null;
      cleanup();
    };
  }, [hydrated, latId, lngId, tiles, t]);

  // without JavaScript there is no map: the coordinate fields below it do the job
  if (!hydrated) return null;
  return (
    <div className="location-map-wrap">
      <p className="hint" id="map-picker-help">
        {t("map.picker.help")}
      </p>
      <div ref={el} className="location-map" role="application" aria-label={t("map.picker.label")} aria-describedby="map-picker-help" />
      <Credit />
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const a = api.current;
          if (!a) return;
          const c = a.map.getCenter();
          a.place(c.lat, c.lng, true);
        }}
      >
        {t("map.picker.centre")}
      </button>
      <p className="hint" role="status" aria-live="polite">
        {status}
      </p>
    </div>
  );
}

/** The point on a small read-only map, with a plain link that works everywhere. */
export function LocationView({ lat, lng, place }: { lat: number; lng: number; place: string }) {
  const { t } = useT();
  const tiles = useMapTiles();
  const el = useRef<HTMLDivElement>(null);
  // the map's texts are not in the page's messages, and some are used outside rendering
  const hydrated = useHydrated();
  useEffect(() => {
    if (!hydrated || !el.current) return;
    let cancelled = false;
    let cleanup = () => {};
    void makeMap(el.current, tiles, { interactive: false, zoomIn: "", zoomOut: "" }).then(({ L, map, icon }) => {
      if (cancelled) return map.remove();
      L.marker([lat, lng], { icon, keyboard: false }).addTo(map);
      map.setView([lat, lng], 16);
      cleanup = () => map.remove();
    });
    return () => {
      cancelled = true;
      cleanup();
    };
  }, [hydrated, lat, lng, tiles, place, t]);
  return (
    <div className="location-map-wrap">
      {hydrated ? (
        <>
          <div ref={el} className="location-map location-map-small" role="img" aria-label={t("map.view.label", { place })} />
          <Credit />
        </>
      ) : null}
      <p>
        <a href={osmLink(lat, lng)} rel="noopener noreferrer" target="_blank">
          {t("map.view.link")}
        </a>
      </p>
    </div>
  );
}
