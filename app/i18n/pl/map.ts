/** The optional map point of a proposal (components/location-map.tsx). */
export const map = {
  "map.picker.label": "Mapa Gdyni do zaznaczenia miejsca projektu",
  "map.picker.help": "Kliknij na mapie miejsce projektu albo przesuń mapę klawiszami strzałek i użyj przycisku poniżej. Współrzędne pojawią się w polach pod mapą; możesz je też wpisać sam.",
  "map.picker.centre": "Zaznacz punkt na środku mapy",
  "map.picker.placed": "Zaznaczono punkt: szerokość {lat}, długość {lng}.",
  "map.picker.outside": "Ten punkt leży poza Gdynią. Wybierz miejsce w granicach miasta.",
  "map.zoom_in": "Przybliż mapę",
  "map.zoom_out": "Oddal mapę",
  "map.credit": "Mapa:",
  "map.view.label": "Mapa z zaznaczonym miejscem projektu: {place}",
  "proposal.point": "Miejsce na mapie",
  "map.view.link": "Pokaż to miejsce na mapie OpenStreetMap",
} as const;
