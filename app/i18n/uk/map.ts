/** The optional map point of a proposal (components/location-map.tsx). */
import type { map as pl } from "../pl/map";

export const map: Record<keyof typeof pl, string> = {
  "map.picker.label": "Карта Гдині для позначення місця проєкту",
  "map.picker.help": "Клацніть на карті місце проєкту або пересуньте карту клавішами зі стрілками й скористайтеся кнопкою нижче. Координати з’являться в полях під картою; їх також можна ввести вручну.",
  "map.picker.centre": "Позначити точку в центрі карти",
  "map.picker.placed": "Позначено точку: широта {lat}, довгота {lng}.",
  "map.picker.outside": "Ця точка лежить за межами Гдині. Виберіть місце в межах міста.",
  "map.zoom_in": "Наблизити карту",
  "map.zoom_out": "Віддалити карту",
  "map.credit": "Карта:",
  "map.view.label": "Карта з позначеним місцем проєкту: {place}",
  "proposal.point": "Місце на карті",
  "map.view.link": "Показати це місце на карті OpenStreetMap",
};
