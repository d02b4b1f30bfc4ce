/** The optional map point of a proposal (components/location-map.tsx). */
import type { map as pl } from "../pl/map";

export const map: Record<keyof typeof pl, string> = {
  "map.picker.label": "Map of Gdynia for marking the project's place",
  "map.picker.help": "Click the project's place on the map, or move the map with the arrow keys and use the button below. The coordinates appear in the fields under the map; you can also type them yourself.",
  "map.picker.centre": "Mark the point in the middle of the map",
  "map.picker.placed": "Point marked: latitude {lat}, longitude {lng}.",
  "map.picker.outside": "This point is outside Gdynia. Choose a place within the city.",
  "map.zoom_in": "Zoom in",
  "map.zoom_out": "Zoom out",
  "map.credit": "Map:",
  "map.view.label": "Map with the project's place marked: {place}",
  "proposal.point": "Place on the map",
  "map.view.link": "Show this place on OpenStreetMap",
};
