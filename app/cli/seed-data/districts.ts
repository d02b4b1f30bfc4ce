/**
 * Gdynia's 21 districts (dzielnice) for demo / seed purposes.
 *
 * NOTE: population and area figures are rough APPROXIMATIONS for demo
 * purposes only (they add up to roughly 245,000 residents and ~135 km²).
 * They are not official statistics and must not be presented as such.
 */

export interface SeedDistrict {
  slug: string;
  name: string;
  population: number;
  areaKm2: number;
}

export const DISTRICTS: SeedDistrict[] = [
  { slug: 'babie-doly', name: 'Babie Doły', population: 4800, areaKm2: 7.0 },
  { slug: 'chwarzno-wiczlino', name: 'Chwarzno-Wiczlino', population: 19000, areaKm2: 12.6 },
  { slug: 'chylonia', name: 'Chylonia', population: 19500, areaKm2: 4.3 },
  { slug: 'cisowa', name: 'Cisowa', population: 11500, areaKm2: 8.5 },
  { slug: 'dabrowa', name: 'Dąbrowa', population: 11000, areaKm2: 8.8 },
  { slug: 'dzialki-lesne', name: 'Działki Leśne', population: 8500, areaKm2: 1.2 },
  { slug: 'grabowek', name: 'Grabówek', population: 12500, areaKm2: 2.5 },
  { slug: 'kamienna-gora', name: 'Kamienna Góra', population: 4200, areaKm2: 0.9 },
  { slug: 'karwiny', name: 'Karwiny', population: 18500, areaKm2: 3.8 },
  { slug: 'leszczynki', name: 'Leszczynki', population: 6800, areaKm2: 2.9 },
  { slug: 'maly-kack', name: 'Mały Kack', population: 13000, areaKm2: 3.6 },
  { slug: 'obluze', name: 'Obłuże', population: 15000, areaKm2: 5.1 },
  { slug: 'oksywie', name: 'Oksywie', population: 8400, areaKm2: 6.0 },
  { slug: 'orlowo', name: 'Orłowo', population: 6800, areaKm2: 3.7 },
  { slug: 'pogorze', name: 'Pogórze', population: 15500, areaKm2: 5.0 },
  { slug: 'pustki-cisowskie-demptowo', name: 'Pustki Cisowskie-Demptowo', population: 4200, areaKm2: 12.0 },
  { slug: 'redlowo', name: 'Redłowo', population: 11500, areaKm2: 3.6 },
  { slug: 'srodmiescie', name: 'Śródmieście', population: 13500, areaKm2: 4.5 },
  { slug: 'wielki-kack', name: 'Wielki Kack', population: 14500, areaKm2: 23.0 },
  { slug: 'witomino', name: 'Witomino', population: 16000, areaKm2: 13.0 },
  { slug: 'wzgorze-sw-maksymiliana', name: 'Wzgórze Św. Maksymiliana', population: 10500, areaKm2: 2.6 },
];
