/**
 * Demo proposals for Budżet Obywatelski Gdynia (seed data).
 *
 * All proposals, authors' wording, locations and cost estimates are fictional
 * and written for demonstration purposes only. Street and place names refer
 * to real places in Gdynia, but the projects themselves do not exist.
 */

export type SeedCategory =
  | 'green'
  | 'sport'
  | 'culture'
  | 'education'
  | 'transport'
  | 'safety'
  | 'social'
  | 'health'
  | 'animals'
  | 'infrastructure';

export interface SeedProposal {
  /** unique stable ASCII id, e.g. 'orlowo-l-1' */
  key: string;
  /** district slug, or null for the city-wide pool */
  district: string | null;
  pool: 'city' | 'district_large' | 'district_small' | 'youth' | 'children';
  /** Polish, max ~90 chars */
  title: string;
  /** Polish, 1-2 sentences, max ~250 chars */
  summary: string;
  /** Polish, 2-4 short paragraphs separated by "\n\n" */
  description: string;
  category: SeedCategory;
  /** a plausible address / place in that district */
  location: string;
  /** who benefits, Polish, short */
  beneficiaries: string;
  /** 2-5 items, whole złoty, sum = total cost */
  costItems: { label: string; amountZl: number }[];
}

export const PROPOSALS: SeedProposal[] = [
  // ───────────────────────────── Babie Doły ─────────────────────────────
  {
    key: 'babie-doly-l-1',
    district: 'babie-doly',
    pool: 'district_large',
    title: 'Bezpieczne i oświetlone zejście na plażę w Babich Dołach',
    summary:
      'Przebudowa stromego, rozmytego przez deszcze zejścia z klifu na plażę: schody terenowe z poręczą, oświetlenie LED i dwie ławki na półpiętrze.',
    description:
      'Zejście na plażę od strony osiedla jest dziś wydeptaną ścieżką, która po każdym większym deszczu zamienia się w błotną rynnę. Seniorzy i rodzice z małymi dziećmi omijają je szerokim łukiem, a wieczorem jest tu po prostu niebezpiecznie.\n\nProponujemy wykonanie schodów terenowych z drewna i kamienia z obustronną poręczą, umocnienie skarpy matami przeciwerozyjnymi i nasadzeniami oraz montaż niskich lamp LED, które nie będą oślepiać ani niepokoić zwierząt żyjących na klifie.\n\nNa półpiętrze chcemy ustawić dwie ławki, żeby można było odpocząć w drodze pod górę. Projekt zostanie uzgodniony z Zarządem Dróg i Zieleni oraz z uwzględnieniem ochrony przyrody klifu.',
    category: 'infrastructure',
    location: 'Zejście na plażę na przedłużeniu ul. Zielonej, Babie Doły',
    beneficiaries: 'Mieszkańcy Babich Dołów, plażowicze, seniorzy i rodziny z dziećmi',
    costItems: [
      { label: 'Dokumentacja projektowa i uzgodnienia', amountZl: 28000 },
      { label: 'Schody terenowe z poręczą', amountZl: 164000 },
      { label: 'Umocnienie skarpy i nasadzenia', amountZl: 38000 },
      { label: 'Oświetlenie LED (8 punktów)', amountZl: 52000 },
      { label: 'Ławki (2 szt.)', amountZl: 6000 },
    ],
  },
  {
    key: 'babie-doly-l-2',
    district: 'babie-doly',
    pool: 'district_large',
    title: 'Odnowa placu zabaw i boisk przy ul. Zielonej',
    summary:
      'Wymiana zniszczonych urządzeń na placu zabaw, nowa nawierzchnia bezpieczna oraz odnowienie boiska do koszykówki – serca naszej małej dzielnicy.',
    description:
      'Kompleks placu zabaw i boisk przy ul. Zielonej to nieformalne centrum Babich Dołów. Spotykają się tu dzieci, młodzież i rodzice, ale urządzenia pamiętają lepsze czasy: huśtawki są wyślizgane, a pod zjeżdżalnią zamiast nawierzchni jest piach z kamieniami.\n\nChcemy wymienić wyeksploatowane urządzenia na nowe (zestaw wielofunkcyjny, huśtawka typu „bocianie gniazdo”, karuzela dostępna dla dzieci na wózkach), położyć nawierzchnię poliuretanową i odnowić boisko do koszykówki – nowe tablice, kosze i malowanie linii.\n\nDo tego kilka ławek z oparciem dla opiekunów i kosze na śmieci z segregacją. Dzięki temu dzieci z Babich Dołów nie będą musiały jeździć na plac zabaw na Obłuże.',
    category: 'sport',
    location: 'Plac zabaw i boiska przy ul. Zielonej, Babie Doły',
    beneficiaries: 'Dzieci i młodzież z Babich Dołów oraz ich opiekunowie',
    costItems: [
      { label: 'Demontaż starych urządzeń i przygotowanie terenu', amountZl: 18000 },
      { label: 'Nowe urządzenia zabawowe', amountZl: 145000 },
      { label: 'Nawierzchnia bezpieczna', amountZl: 62000 },
      { label: 'Odnowa boiska do koszykówki', amountZl: 34000 },
      { label: 'Ławki i kosze na śmieci', amountZl: 11000 },
    ],
  },
  {
    key: 'babie-doly-l-3',
    district: 'babie-doly',
    pool: 'district_large',
    title: 'Chodnik i oświetlenie wzdłuż ul. Rybaków',
    summary:
      'Budowa brakującego chodnika wraz z oświetleniem na ul. Rybaków, gdzie piesi chodzą dziś poboczem po płytach jomb.',
    description:
      'Ulica Rybaków wciąż nie ma ani porządnej nawierzchni, ani chodnika. Mieszkańcy, w tym dzieci idące na przystanek autobusowy, chodzą poboczem, a po zmroku jest tu prawie zupełnie ciemno.\n\nProponujemy wybudowanie chodnika z kostki betonowej o szerokości 1,5 m na odcinku ok. 250 m oraz montaż sześciu lamp ulicznych. Tam, gdzie to możliwe, zachowamy istniejące drzewa.\n\nTo prosta inwestycja, która znacząco poprawi bezpieczeństwo pieszych w tej części dzielnicy.',
    category: 'safety',
    location: 'ul. Rybaków, Babie Doły',
    beneficiaries: 'Mieszkańcy ul. Rybaków i okolic, dzieci dojeżdżające do szkoły',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 22000 },
      { label: 'Budowa chodnika (ok. 250 m)', amountZl: 176000 },
      { label: 'Oświetlenie uliczne (6 lamp)', amountZl: 84000 },
    ],
  },
  {
    key: 'babie-doly-s-1',
    district: 'babie-doly',
    pool: 'district_small',
    title: 'Wielkie sprzątanie klifu i plaży z warsztatami ekologicznymi',
    summary:
      'Dwie sąsiedzkie akcje sprzątania plaży i podnóża klifu, połączone z warsztatami o ochronie Bałtyku dla dzieci i dorosłych.',
    description:
      'Co roku po sezonie na plaży i u podnóża klifu zostają butelki, folie i resztki ognisk. Chcemy wspólnie z sąsiadami posprzątać ten teren wiosną i jesienią.\n\nPodczas każdej akcji odbędą się krótkie warsztaty z edukatorem przyrodniczym: o tym, skąd biorą się śmieci w morzu, jak żyje klif i dlaczego nie wolno po nim chodzić. Dla uczestników przewidujemy rękawice, worki, wodę i drobny poczęstunek.',
    category: 'green',
    location: 'Plaża Babie Doły i podnóże klifu',
    beneficiaries: 'Mieszkańcy dzielnicy, rodziny z dziećmi, plażowicze',
    costItems: [
      { label: 'Rękawice, worki, chwytaki', amountZl: 1800 },
      { label: 'Warsztaty z edukatorem (2 spotkania)', amountZl: 3200 },
      { label: 'Wywóz odpadów', amountZl: 1500 },
      { label: 'Poczęstunek i woda dla uczestników', amountZl: 1500 },
    ],
  },
  {
    key: 'babie-doly-s-2',
    district: 'babie-doly',
    pool: 'district_small',
    title: 'Piknik „Dzień Babich Dołów” na rozpoczęcie lata',
    summary:
      'Rodzinny piknik sąsiedzki z muzyką na żywo, grami dla dzieci i wspólnym gotowaniem zupy rybnej na otwarcie sezonu plażowego.',
    description:
      'Babie Doły to najmniejsza dzielnica Gdyni, trochę oddalona od reszty miasta – tym bardziej warto się spotykać. Proponujemy piknik w czerwcu, na rozpoczęcie sezonu plażowego.\n\nW programie: koncert lokalnego zespołu, animacje i gry dla dzieci, konkurs na najładniejszy zamek z piasku oraz wspólne gotowanie zupy rybnej według przepisu naszych sąsiadów z dawnej osady rybackiej. Wstęp wolny dla wszystkich.',
    category: 'culture',
    location: 'Teren rekreacyjny przy ul. Zielonej, Babie Doły',
    beneficiaries: 'Wszyscy mieszkańcy Babich Dołów i goście',
    costItems: [
      { label: 'Scena, nagłośnienie i koncert', amountZl: 7500 },
      { label: 'Animatorzy i gry dla dzieci', amountZl: 3500 },
      { label: 'Produkty na wspólne gotowanie', amountZl: 1800 },
      { label: 'Toalety przenośne i sprzątanie', amountZl: 1700 },
    ],
  },

  // ───────────────────────────── Chwarzno-Wiczlino ─────────────────────────────
  {
    key: 'chwarzno-wiczlino-l-1',
    district: 'chwarzno-wiczlino',
    pool: 'district_large',
    title: 'Park kieszonkowy z ogrodem deszczowym przy ul. Rdestowej',
    summary:
      'Zamiana zaniedbanego skrawka zieleni między blokami w mały park z ogrodem deszczowym, ławkami w cieniu i łąką kwietną.',
    description:
      'Chwarzno i Wiczlino szybko się rozbudowują, a miejsc, w których można po prostu usiąść w cieniu, wciąż brakuje. Przy ul. Rdestowej jest niezagospodarowany pas zieleni, na którym po deszczu stoi woda.\n\nProponujemy urządzić tam park kieszonkowy: ogród deszczowy zbierający wodę z pobliskich chodników, kilkanaście drzew i krzewów rodzimych gatunków, łąkę kwietną oraz ławki i leżaki miejskie. Ścieżki wykonamy z nawierzchni przepuszczalnej.\n\nPark będzie miejscem odpoczynku dla seniorów, spotkań sąsiadów i krótkich spacerów z wózkiem, a jednocześnie pomoże zatrzymać deszczówkę w dzielnicy.',
    category: 'green',
    location: 'Pas zieleni przy ul. Rdestowej, Chwarzno-Wiczlino',
    beneficiaries: 'Mieszkańcy okolicznych osiedli, seniorzy, rodziny z małymi dziećmi',
    costItems: [
      { label: 'Projekt zieleni i ogrodu deszczowego', amountZl: 24000 },
      { label: 'Ogród deszczowy z roślinnością', amountZl: 68000 },
      { label: 'Nasadzenia drzew, krzewów i łąki kwietnej', amountZl: 57000 },
      { label: 'Ścieżki z nawierzchni przepuszczalnej', amountZl: 46000 },
      { label: 'Ławki, leżaki miejskie i kosze', amountZl: 25000 },
    ],
  },
  {
    key: 'chwarzno-wiczlino-l-2',
    district: 'chwarzno-wiczlino',
    pool: 'district_large',
    title: 'Pumptrack dla dzieci i młodzieży na Wiczlinie',
    summary:
      'Budowa asfaltowego toru pumptrack dla rowerów, hulajnóg i rolek, z osobną małą pętlą dla najmłodszych.',
    description:
      'W dzielnicy mieszka bardzo dużo dzieci i nastolatków, którzy jeżdżą na rowerach i hulajnogach po parkingach i ulicach osiedlowych. Pumptrack to bezpieczne miejsce, gdzie mogą ćwiczyć technikę jazdy i spotykać się z rówieśnikami.\n\nProponujemy tor asfaltowy o długości ok. 180 m z muldami i zakrętami o różnym stopniu trudności oraz osobną, krótką pętlę dla kilkulatków. Wokół toru staną ławki, stojaki rowerowe i tablica z regulaminem.\n\nTor będzie całoroczny i nie wymaga stałej obsługi, a z doświadczeń innych dzielnic wiemy, że takie miejsca żyją od rana do wieczora.',
    category: 'sport',
    location: 'Teren rekreacyjny przy ul. Wiczlińskiej, Chwarzno-Wiczlino',
    beneficiaries: 'Dzieci i młodzież z Chwarzna i Wiczlina, rodziny',
    costItems: [
      { label: 'Projekt toru', amountZl: 18000 },
      { label: 'Budowa toru asfaltowego (ok. 180 m)', amountZl: 265000 },
      { label: 'Mała pętla dla najmłodszych', amountZl: 42000 },
      { label: 'Ławki, stojaki rowerowe, tablica z regulaminem', amountZl: 15000 },
    ],
  },
  {
    key: 'chwarzno-wiczlino-l-3',
    district: 'chwarzno-wiczlino',
    pool: 'district_large',
    title: 'Bezpieczna droga do szkoły – uspokojenie ruchu na ul. Chwarznieńskiej',
    summary:
      'Wyniesione przejście dla pieszych, azyl i aktywne oznakowanie w pobliżu szkoły, by dzieci mogły bezpiecznie dojść na lekcje.',
    description:
      'Rano, gdy rodzice odwożą dzieci do szkoły, a jednocześnie przejeżdża tędy ruch tranzytowy, przejście przez ul. Chwarznieńską staje się niebezpieczne. Kierowcy często przekraczają dozwoloną prędkość.\n\nProponujemy przebudowę przejścia na wyniesione, wykonanie azylu dla pieszych, doświetlenie przejścia lampami o barwie wyróżniającej oraz montaż znaków aktywnych z detekcją pieszego. Dodatkowo chcemy ustawić tablicę prędkości, która pokazuje kierowcom, jak szybko jadą.\n\nRozwiązania zostaną uzgodnione z Zarządem Dróg i Zieleni oraz z dyrekcją pobliskiej szkoły.',
    category: 'safety',
    location: 'ul. Chwarznieńska, w rejonie szkoły podstawowej, Chwarzno-Wiczlino',
    beneficiaries: 'Uczniowie, rodzice, piesi przechodzący przez ul. Chwarznieńską',
    costItems: [
      { label: 'Projekt organizacji ruchu', amountZl: 16000 },
      { label: 'Przejście wyniesione z azylem', amountZl: 142000 },
      { label: 'Doświetlenie przejścia', amountZl: 38000 },
      { label: 'Znaki aktywne i tablica prędkości', amountZl: 36000 },
    ],
  },
  {
    key: 'chwarzno-wiczlino-s-1',
    district: 'chwarzno-wiczlino',
    pool: 'district_small',
    title: 'Klub małego programisty – zajęcia z robotyki dla dzieci',
    summary:
      'Cykl 20 bezpłatnych zajęć z podstaw programowania i robotyki dla dzieci w wieku 8–12 lat, z zakupem zestawów do nauki.',
    description:
      'Chcemy, żeby dzieci z naszej dzielnicy miały dostęp do zajęć z programowania bez konieczności dojeżdżania do centrum i płacenia za drogie kursy.\n\nProponujemy cotygodniowe spotkania w dwóch grupach prowadzone przez doświadczonego instruktora. Dzieci będą budować i programować proste roboty, a na zakończenie zaprezentują swoje projekty rodzicom. Zestawy zostaną potem przekazane do dalszego użytku w miejscu prowadzenia zajęć.',
    category: 'education',
    location: 'Sala w szkole podstawowej przy ul. Chwarznieńskiej (po uzgodnieniu z dyrekcją)',
    beneficiaries: 'Dzieci w wieku 8–12 lat z Chwarzna i Wiczlina',
    costItems: [
      { label: 'Wynagrodzenie instruktora (20 zajęć × 2 grupy)', amountZl: 9600 },
      { label: 'Zestawy robotyczne (6 szt.)', amountZl: 6600 },
      { label: 'Materiały i pokaz końcowy', amountZl: 800 },
    ],
  },
  {
    key: 'chwarzno-wiczlino-s-2',
    district: 'chwarzno-wiczlino',
    pool: 'district_small',
    title: 'Stojaki rowerowe przy przystankach na Chwarznie',
    summary:
      'Montaż 24 stojaków rowerowych typu „U” przy czterech przystankach autobusowych, by łatwiej było dojechać rowerem i przesiąść się do autobusu.',
    description:
      'Wiele osób z domów jednorodzinnych ma do przystanku kilkanaście minut pieszo. Rower byłby idealnym rozwiązaniem, gdyby było go gdzie bezpiecznie zostawić.\n\nProponujemy montaż po sześć stojaków typu „U” przy czterech najbardziej obleganych przystankach w dzielnicy. Dokładne lokalizacje wskażemy wspólnie z Zarządem Dróg i Zieleni.',
    category: 'transport',
    location: 'Przystanki autobusowe przy ul. Chwarznieńskiej i ul. Nowowiczlińskiej',
    beneficiaries: 'Rowerzyści i pasażerowie komunikacji miejskiej',
    costItems: [
      { label: 'Stojaki rowerowe typu „U” (24 szt.)', amountZl: 9600 },
      { label: 'Montaż i utwardzenie nawierzchni', amountZl: 6400 },
    ],
  },

  // ───────────────────────────── Chylonia ─────────────────────────────
  {
    key: 'chylonia-l-1',
    district: 'chylonia',
    pool: 'district_large',
    title: 'Nowe życie Parku Kilońskiego – alejki, ławki i oświetlenie',
    summary:
      'Remont zniszczonych alejek w Parku Kilońskim, nowe ławki z oparciem, oświetlenie głównej alei i nasadzenia krzewów.',
    description:
      'Park Kiloński to jedno z niewielu większych miejsc zieleni na Chyloni. Niestety alejki są popękane, część ławek nie ma desek, a po zmroku park jest ciemny i ludzie boją się przez niego przechodzić.\n\nProponujemy remont głównych alejek, wymianę ławek na nowe z oparciami i podłokietnikami (wygodne dla seniorów), montaż energooszczędnego oświetlenia wzdłuż głównej alei oraz nasadzenia krzewów kwitnących.\n\nChcemy, żeby park znów był miejscem spacerów, a nie tylko skrótem do przystanku.',
    category: 'green',
    location: 'Park Kiloński, ul. Chylońska, Chylonia',
    beneficiaries: 'Mieszkańcy Chyloni, seniorzy, rodziny z dziećmi, spacerowicze',
    costItems: [
      { label: 'Remont alejek', amountZl: 168000 },
      { label: 'Oświetlenie głównej alei', amountZl: 112000 },
      { label: 'Ławki z oparciem (15 szt.)', amountZl: 45000 },
      { label: 'Nasadzenia krzewów', amountZl: 25000 },
    ],
  },
  {
    key: 'chylonia-l-2',
    district: 'chylonia',
    pool: 'district_large',
    title: 'Strefa street workout i siłownia pod chmurką przy ul. Kartuskiej',
    summary:
      'Budowa strefy street workout z drążkami i poręczami oraz siłowni zewnętrznej dla osób w każdym wieku.',
    description:
      'Młodzi ludzie z Chyloni trenują na trzepakach i barierkach, bo w okolicy nie ma porządnej strefy do ćwiczeń. Jednocześnie seniorzy pytają o proste urządzenia, które pomogą im zachować sprawność.\n\nProponujemy urządzenie strefy ćwiczeń w dwóch częściach: street workout (drążki, poręcze, drabinki, ławka skośna) oraz siłownia zewnętrzna z urządzeniami o niskim obciążeniu (orbitrek, wioślarz, twister). Pod urządzeniami powstanie nawierzchnia amortyzująca.\n\nPrzy strefie staną tablice z przykładowymi ćwiczeniami i kodami QR do filmików instruktażowych.',
    category: 'sport',
    location: 'Teren zielony przy ul. Kartuskiej, Chylonia',
    beneficiaries: 'Młodzież, osoby aktywne fizycznie, seniorzy',
    costItems: [
      { label: 'Zestaw street workout', amountZl: 86000 },
      { label: 'Urządzenia siłowni zewnętrznej (8 szt.)', amountZl: 64000 },
      { label: 'Nawierzchnia amortyzująca', amountZl: 58000 },
      { label: 'Tablice instruktażowe i ławki', amountZl: 12000 },
    ],
  },
  {
    key: 'chylonia-l-3',
    district: 'chylonia',
    pool: 'district_large',
    title: 'Jasno i bezpiecznie w tunelu przy SKM Gdynia Chylonia',
    summary:
      'Wymiana oświetlenia w przejściu pod torami, odświeżenie ścian z muralem tworzonym z młodzieżą oraz montaż lustra i przycisku alarmowego.',
    description:
      'Przejście pod torami przy stacji SKM Gdynia Chylonia to codzienna trasa tysięcy osób. Wieczorem jest tam ciemno, ściany są pomazane, a wiele osób – zwłaszcza kobiet i seniorów – czuje się tam niepewnie.\n\nProponujemy wymianę oświetlenia na jasne, wandaloodporne lampy LED, oczyszczenie i pomalowanie ścian powłoką antygraffiti oraz wykonanie muralu zaprojektowanego podczas warsztatów z młodzieżą z Chyloni. Na wejściach zamontujemy lustra sferyczne poprawiające widoczność.\n\nZadanie wymaga zgody zarządcy obiektu – przed złożeniem projektu konsultowaliśmy wstępnie ten pomysł z radą dzielnicy.',
    category: 'safety',
    location: 'Przejście podziemne przy stacji SKM Gdynia Chylonia',
    beneficiaries: 'Pasażerowie SKM, piesi, mieszkańcy Chyloni',
    costItems: [
      { label: 'Oświetlenie LED wandaloodporne', amountZl: 96000 },
      { label: 'Czyszczenie ścian i powłoka antygraffiti', amountZl: 54000 },
      { label: 'Mural z warsztatami dla młodzieży', amountZl: 38000 },
      { label: 'Lustra sferyczne i oznakowanie', amountZl: 12000 },
    ],
  },
  {
    key: 'chylonia-s-1',
    district: 'chylonia',
    pool: 'district_small',
    title: 'Pierwsza pomoc – umiem pomóc! Kursy dla mieszkańców Chyloni',
    summary:
      'Sześć bezpłatnych, praktycznych kursów pierwszej pomocy z ćwiczeniami na fantomach, w tym jeden kurs dla rodziców niemowląt.',
    description:
      'Wiele osób nie wie, jak zareagować, gdy ktoś zasłabnie na ulicy albo dziecko się zakrztusi. Chcemy to zmienić.\n\nProponujemy sześć czterogodzinnych kursów prowadzonych przez ratowników medycznych, z ćwiczeniami resuscytacji i obsługi AED na fantomach. Jeden kurs będzie przeznaczony dla rodziców małych dzieci. Zajęcia odbędą się w Klubie Osiedlowym „Apteka” przy ul. Opata Hackiego.',
    category: 'health',
    location: 'Klub Osiedlowy „Apteka”, ul. Opata Hackiego, Chylonia',
    beneficiaries: 'Dorośli mieszkańcy Chyloni, rodzice małych dzieci',
    costItems: [
      { label: 'Prowadzenie kursów przez ratowników (6 × 4 h)', amountZl: 7200 },
      { label: 'Wynajem fantomów i trenażera AED', amountZl: 2400 },
      { label: 'Materiały i certyfikaty dla uczestników', amountZl: 1400 },
    ],
  },
  {
    key: 'chylonia-s-2',
    district: 'chylonia',
    pool: 'district_small',
    title: 'Kino plenerowe na Chyloni – trzy letnie seanse',
    summary:
      'Trzy bezpłatne seanse filmowe pod gwiazdami w Parku Kilońskim: bajka dla dzieci, komedia rodzinna i polska klasyka.',
    description:
      'Chcemy, żeby latem na Chyloni działo się coś, na co można wyjść z całą rodziną, bez biletów i dojazdów do centrum.\n\nProponujemy trzy wieczorne seanse w lipcu i sierpniu na dużym dmuchanym ekranie. Widzowie mogą przynieść koce i leżaki, a przed filmem odbędą się krótkie zabawy dla dzieci. Repertuar wybiorą mieszkańcy w internetowym głosowaniu.',
    category: 'culture',
    location: 'Park Kiloński, Chylonia',
    beneficiaries: 'Rodziny, dzieci, młodzież i dorośli z Chyloni',
    costItems: [
      { label: 'Ekran, projektor i nagłośnienie (3 seanse)', amountZl: 9900 },
      { label: 'Licencje na publiczne pokazy filmów', amountZl: 3600 },
      { label: 'Animacje dla dzieci i promocja', amountZl: 2500 },
    ],
  },

  // ───────────────────────────── Cisowa ─────────────────────────────
  {
    key: 'cisowa-l-1',
    district: 'cisowa',
    pool: 'district_large',
    title: 'Ogrodzony wybieg dla psów na Cisowej',
    summary:
      'Ogrodzony wybieg dla psów z podziałem na strefę dla małych i dużych psów, poidłem, torem przeszkód i ławkami dla opiekunów.',
    description:
      'Na Cisowej mieszka wiele rodzin z psami, a najbliższy wybieg jest kilka kilometrów stąd. Psy biegają luzem na trawnikach między blokami, co prowadzi do konfliktów z sąsiadami i rodzicami małych dzieci.\n\nProponujemy budowę ogrodzonego wybiegu o powierzchni ok. 1500 m² z dwiema strefami (dla małych i dużych psów), podwójną śluzą wejściową, torem agility, poidłem oraz ławkami i zadaszeniem dla opiekunów. Przy wejściu staną dystrybutory woreczków i kosze.\n\nWybieg rozwiąże problem psów puszczanych luzem i będzie miejscem spotkań właścicieli czworonogów.',
    category: 'animals',
    location: 'Teren zielony w rejonie ul. Owsianej i ul. Zbożowej, Cisowa',
    beneficiaries: 'Opiekunowie psów, mieszkańcy okolicznych bloków',
    costItems: [
      { label: 'Ogrodzenie z podwójnymi śluzami', amountZl: 78000 },
      { label: 'Tor agility i wyposażenie', amountZl: 32000 },
      { label: 'Poidło z przyłączem wody', amountZl: 24000 },
      { label: 'Ławki, zadaszenie, kosze i dystrybutory woreczków', amountZl: 21000 },
    ],
  },
  {
    key: 'cisowa-l-2',
    district: 'cisowa',
    pool: 'district_large',
    title: 'Boisko wielofunkcyjne przy osiedlu Sibeliusa',
    summary:
      'Budowa boiska z nawierzchnią poliuretanową do piłki ręcznej, koszykówki i siatkówki, z piłkochwytami i oświetleniem.',
    description:
      'Dzieci z osiedla Sibeliusa grają w piłkę na wydeptanym placu, na którym po deszczu tworzą się kałuże, a piłka co chwilę ląduje na parkingu.\n\nProponujemy budowę boiska wielofunkcyjnego o wymiarach ok. 22 × 44 m z nawierzchnią poliuretanową, bramkami, koszami i słupkami do siatkówki. Dookoła staną piłkochwyty, a oświetlenie pozwoli korzystać z boiska jesienią po szkole.\n\nBoisko będzie ogólnodostępne, a w godzinach popołudniowych chcemy zaprosić lokalne kluby do prowadzenia bezpłatnych treningów.',
    category: 'sport',
    location: 'Okolice osiedla przy ul. Sibeliusa, Cisowa',
    beneficiaries: 'Dzieci, młodzież i dorośli amatorzy sportu z Cisowej',
    costItems: [
      { label: 'Projekt i podbudowa', amountZl: 96000 },
      { label: 'Nawierzchnia poliuretanowa', amountZl: 158000 },
      { label: 'Wyposażenie sportowe i piłkochwyty', amountZl: 64000 },
      { label: 'Oświetlenie boiska', amountZl: 72000 },
    ],
  },
  {
    key: 'cisowa-l-3',
    district: 'cisowa',
    pool: 'district_large',
    title: 'Szpaler drzew wzdłuż ul. Kartuskiej',
    summary:
      'Posadzenie 60 dużych drzew wraz z systemem nawadniania i trzyletnią pielęgnacją wzdłuż ruchliwego odcinka ul. Kartuskiej.',
    description:
      'Ulica Kartuska na odcinku przez Cisową to szeroki pas asfaltu i betonu. Latem chodniki się nagrzewają, a spaliny i hałas dokuczają mieszkańcom.\n\nProponujemy posadzenie 60 drzew o obwodzie pnia min. 16–18 cm (lipy drobnolistne, klony polne, grusze drobnoowocowe) w pasach zieleni, z osłonami pni, palikami i workami nawadniającymi. Cena obejmuje trzyletnią pielęgnację, żeby drzewa naprawdę się przyjęły.\n\nDrzewa dadzą cień, zatrzymają pył i deszczówkę oraz sprawią, że droga do SKM będzie po prostu przyjemniejsza.',
    category: 'green',
    location: 'ul. Kartuska, odcinek w dzielnicy Cisowa',
    beneficiaries: 'Piesi, mieszkańcy ul. Kartuskiej, pasażerowie komunikacji',
    costItems: [
      { label: 'Materiał szkółkarski (60 drzew)', amountZl: 54000 },
      { label: 'Przygotowanie stanowisk i sadzenie', amountZl: 42000 },
      { label: 'Osłony pni, paliki i worki nawadniające', amountZl: 12000 },
      { label: 'Pielęgnacja przez 3 lata', amountZl: 36000 },
    ],
  },
  {
    key: 'cisowa-s-1',
    district: 'cisowa',
    pool: 'district_small',
    title: 'Nordic walking dla seniorów z Cisowej',
    summary:
      'Dwa razy w tygodniu przez pół roku zajęcia nordic walking z instruktorem na leśnych ścieżkach wokół Cisowej, z wypożyczalnią kijków.',
    description:
      'Seniorzy z naszej dzielnicy chętnie spacerują po okolicznych lasach, ale brakuje im zorganizowanej grupy i kogoś, kto pokaże prawidłową technikę.\n\nProponujemy zajęcia nordic walking prowadzone przez instruktora, dwa razy w tygodniu od kwietnia do września. Zakupimy 20 par kijków, które uczestnicy będą mogli wypożyczać. Zbiórka zawsze przy tym samym przystanku, a trasy dostosujemy do możliwości grupy.',
    category: 'health',
    location: 'Zbiórka przy przystanku SKM Gdynia Cisowa, trasy leśne w okolicy',
    beneficiaries: 'Seniorzy i osoby dorosłe z Cisowej',
    costItems: [
      { label: 'Wynagrodzenie instruktora (48 zajęć)', amountZl: 8600 },
      { label: 'Kijki do nordic walking (20 par)', amountZl: 3400 },
      { label: 'Kamizelki odblaskowe i apteczka', amountZl: 600 },
    ],
  },
  {
    key: 'cisowa-s-2',
    district: 'cisowa',
    pool: 'district_small',
    title: 'Sąsiedzkie warsztaty rękodzieła i kaszubskiego haftu',
    summary:
      'Cykl 10 spotkań rękodzielniczych dla mieszkańców w każdym wieku, w tym nauka haftu kaszubskiego i wspólne przygotowanie kiermaszu świątecznego.',
    description:
      'Cisowa ma długą kaszubską historię, a wielu starszych mieszkańców wciąż pamięta tradycyjne techniki rękodzieła. Chcemy połączyć pokolenia przy wspólnym stole.\n\nProponujemy dziesięć spotkań: haft kaszubski, szydełkowanie, makrama, ozdoby świąteczne. Zajęcia poprowadzą lokalne twórczynie. Na zakończenie zorganizujemy kiermasz, a zebrane datki przekażemy na rzecz pobliskiego hospicjum.',
    category: 'social',
    location: 'Świetlica przy parafii lub sala w szkole na Cisowej (do uzgodnienia)',
    beneficiaries: 'Mieszkańcy Cisowej w każdym wieku, seniorzy, dzieci z rodzicami',
    costItems: [
      { label: 'Prowadzenie warsztatów (10 spotkań)', amountZl: 5000 },
      { label: 'Materiały rękodzielnicze', amountZl: 2600 },
      { label: 'Kiermasz zamykający i poczęstunek', amountZl: 900 },
    ],
  },

  // ───────────────────────────── Dąbrowa ─────────────────────────────
  {
    key: 'dabrowa-l-1',
    district: 'dabrowa',
    pool: 'district_large',
    title: 'Ciąg pieszo-rowerowy wzdłuż ul. Rdestowej',
    summary:
      'Budowa brakującego odcinka ciągu pieszo-rowerowego wzdłuż ul. Rdestowej, łączącego osiedla Dąbrowy ze szkołą i przystankami.',
    description:
      'Ulica Rdestowa to główna oś Dąbrowy, a mimo to na jednym z odcinków nie ma wygodnej drogi dla rowerów. Dzieci jadą do szkoły jezdnią albo wąskim chodnikiem, mijając się z pieszymi.\n\nProponujemy budowę ok. 400 m ciągu pieszo-rowerowego o szerokości 3 m, z nawierzchnią asfaltową, oznakowaniem i obniżonymi krawężnikami na skrzyżowaniach z ulicami osiedlowymi.\n\nNowy odcinek połączy istniejące fragmenty infrastruktury rowerowej i pozwoli bezpiecznie dojechać na rowerze z Dąbrowy w stronę Karwin i Wielkiego Kacka.',
    category: 'transport',
    location: 'ul. Rdestowa, odcinek między ul. Kameliową a ul. Sojową, Dąbrowa',
    beneficiaries: 'Rowerzyści, uczniowie, piesi z Dąbrowy',
    costItems: [
      { label: 'Dokumentacja projektowa', amountZl: 32000 },
      { label: 'Budowa ciągu pieszo-rowerowego (ok. 400 m)', amountZl: 318000 },
      { label: 'Oznakowanie i obniżenia krawężników', amountZl: 30000 },
    ],
  },
  {
    key: 'dabrowa-l-2',
    district: 'dabrowa',
    pool: 'district_large',
    title: 'Integracyjny plac zabaw „Dąbrówka dla wszystkich”',
    summary:
      'Plac zabaw dostępny dla dzieci z niepełnosprawnościami: karuzela dla wózków, huśtawka-gniazdo, panele sensoryczne i nawierzchnia bez progów.',
    description:
      'Na Dąbrowie mieszka wiele rodzin wychowujących dzieci z niepełnosprawnościami. Istniejące place zabaw są dla nich praktycznie niedostępne – piasek, progi i urządzenia, z których nie da się skorzystać na wózku.\n\nProponujemy plac zabaw zaprojektowany z myślą o wszystkich dzieciach: karuzela z wjazdem dla wózka, huśtawka typu „bocianie gniazdo”, piaskownica na wysokości stołu, ścieżka sensoryczna i panele dźwiękowe. Całość na równej nawierzchni poliuretanowej, z ogrodzeniem i cieniem.\n\nTo miejsce, gdzie dzieci uczą się, że zabawa jest dla każdego.',
    category: 'social',
    location: 'Teren zielony przy ul. Kameliowej, Dąbrowa',
    beneficiaries: 'Dzieci z niepełnosprawnościami i ich rodzeństwo, wszystkie dzieci z Dąbrowy',
    costItems: [
      { label: 'Projekt z konsultacją terapeuty', amountZl: 19000 },
      { label: 'Urządzenia integracyjne', amountZl: 196000 },
      { label: 'Nawierzchnia poliuretanowa bez progów', amountZl: 88000 },
      { label: 'Ogrodzenie, ławki i zacienienie', amountZl: 37000 },
    ],
  },
  {
    key: 'dabrowa-l-3',
    district: 'dabrowa',
    pool: 'district_large',
    title: 'Oświetlenie ścieżki przez lasek przy ul. Kameliowej',
    summary:
      'Oświetlenie i utwardzenie popularnego skrótu przez lasek, którym mieszkańcy chodzą do przychodni, sklepów i na przystanek.',
    description:
      'Ścieżka przez niewielki lasek przy ul. Kameliowej jest codziennym skrótem dla setek osób. Jesienią i zimą po godz. 16 jest tam zupełnie ciemno, a nierówna nawierzchnia grozi upadkiem.\n\nProponujemy utwardzenie ścieżki nawierzchnią mineralną na długości ok. 220 m i montaż 10 lamp LED z ograniczonym strumieniem światła skierowanym w dół, tak by nie zakłócać życia zwierząt w lasku.\n\nDzięki temu mieszkańcy, zwłaszcza seniorzy i młodzież wracająca z zajęć, będą mogli bezpiecznie przejść tą drogą o każdej porze.',
    category: 'safety',
    location: 'Lasek przy ul. Kameliowej, Dąbrowa',
    beneficiaries: 'Piesi, seniorzy, uczniowie wracający z zajęć',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 14000 },
      { label: 'Utwardzenie ścieżki (ok. 220 m)', amountZl: 66000 },
      { label: 'Oświetlenie LED (10 lamp)', amountZl: 118000 },
    ],
  },
  {
    key: 'dabrowa-s-1',
    district: 'dabrowa',
    pool: 'district_small',
    title: 'Turniej piłkarski „Puchar Dąbrowy” dla dzieci',
    summary:
      'Jednodniowy turniej piłki nożnej dla drużyn podwórkowych i szkolnych w trzech kategoriach wiekowych, z medalami dla wszystkich uczestników.',
    description:
      'Chcemy zorganizować turniej, w którym mogą zagrać nie tylko dzieci z klubów, ale też drużyny podwórkowe skrzyknięte przez sąsiadów.\n\nW programie: mecze w trzech kategoriach wiekowych, konkurs rzutów karnych dla rodziców, medale dla każdego uczestnika i puchary dla najlepszych. Zapewnimy sędziów, opiekę medyczną, wodę i owoce.',
    category: 'sport',
    location: 'Boisko przy Zespole Szkół nr 14, Dąbrowa',
    beneficiaries: 'Dzieci w wieku 7–14 lat i ich rodziny',
    costItems: [
      { label: 'Sędziowie i opieka medyczna', amountZl: 2400 },
      { label: 'Medale, puchary i dyplomy', amountZl: 2600 },
      { label: 'Koszulki dla drużyn', amountZl: 3200 },
      { label: 'Woda, owoce i nagłośnienie', amountZl: 1300 },
    ],
  },
  {
    key: 'dabrowa-s-2',
    district: 'dabrowa',
    pool: 'district_small',
    title: 'Domki dla jeży, budki dla ptaków i hotele dla owadów',
    summary:
      'Zakup i montaż 40 budek lęgowych, 10 domków dla jeży i 5 hoteli dla owadów wraz z warsztatami dla dzieci z okolicznych szkół.',
    description:
      'Dąbrowa sąsiaduje z lasami, a w ogrodach i na skwerach żyje mnóstwo zwierząt. Chcemy im trochę pomóc, a przy okazji nauczyć dzieci, jak dbać o przyrodę w mieście.\n\nBudki i domki zamontujemy z pomocą ornitologa w miejscach uzgodnionych z zarządcami terenu. Dzieci z okolicznych szkół wezmą udział w warsztatach i będą „opiekunami” wybranych budek, zapisując obserwacje przez cały sezon.',
    category: 'animals',
    location: 'Skwery i tereny zielone Dąbrowy, m.in. okolice ul. Sojowej',
    beneficiaries: 'Dzieci szkolne, mieszkańcy, dzikie zwierzęta w dzielnicy',
    costItems: [
      { label: 'Budki lęgowe (40 szt.)', amountZl: 4400 },
      { label: 'Domki dla jeży (10 szt.) i hotele dla owadów (5 szt.)', amountZl: 3100 },
      { label: 'Montaż z ornitologiem', amountZl: 1800 },
      { label: 'Warsztaty dla dzieci', amountZl: 1200 },
    ],
  },

  // ───────────────────────────── Działki Leśne ─────────────────────────────
  {
    key: 'dzialki-lesne-l-1',
    district: 'dzialki-lesne',
    pool: 'district_large',
    title: 'Skwer sąsiedzki z łąką kwietną przy ul. Partyzantów',
    summary:
      'Zagospodarowanie zaniedbanego skweru: łąka kwietna, nowe ławki, stół do gier planszowych i poidełko z wodą pitną.',
    description:
      'Działki Leśne to gęsto zabudowana dzielnica, w której brakuje miejsc do wspólnego spędzania czasu na świeżym powietrzu. Skwer przy ul. Partyzantów jest dziś tylko przestrzenią przejściową z wydeptanym trawnikiem.\n\nProponujemy zamienić go w przyjazny skwer sąsiedzki: łąka kwietna zamiast koszonego trawnika, nowe ławki i leżaki, betonowy stół do szachów i gier planszowych, poidełko z wodą pitną oraz nasadzenia drzew, które za kilka lat dadzą cień.\n\nSkwer będzie otwarty dla wszystkich, a raz w miesiącu chcemy organizować tu sąsiedzkie spotkania.',
    category: 'green',
    location: 'Skwer przy ul. Partyzantów, Działki Leśne',
    beneficiaries: 'Mieszkańcy Działek Leśnych, seniorzy, rodziny',
    costItems: [
      { label: 'Projekt i przygotowanie terenu', amountZl: 22000 },
      { label: 'Łąka kwietna i nasadzenia drzew', amountZl: 34000 },
      { label: 'Ławki, leżaki i stół do gier', amountZl: 31000 },
      { label: 'Poidełko z przyłączem wody', amountZl: 28000 },
    ],
  },
  {
    key: 'dzialki-lesne-l-2',
    district: 'dzialki-lesne',
    pool: 'district_large',
    title: 'Równe chodniki na ul. Kieleckiej',
    summary:
      'Wymiana zniszczonych płyt chodnikowych na ul. Kieleckiej, obniżenie krawężników przy przejściach i usunięcie barier dla wózków.',
    description:
      'Chodnik na ul. Kieleckiej to mozaika pękniętych płyt, dziur i wystających korzeni. Osoby starsze potykają się tu regularnie, a rodzice z wózkami i osoby na wózkach często schodzą na jezdnię.\n\nProponujemy wymianę nawierzchni chodnika na odcinku ok. 350 m, obniżenie krawężników przy wszystkich przejściach dla pieszych i montaż płyt z wypustkami dla osób niewidomych. Przy drzewach zastosujemy nawierzchnię, która nie uszkodzi ich korzeni.',
    category: 'infrastructure',
    location: 'ul. Kielecka, Działki Leśne',
    beneficiaries: 'Piesi, seniorzy, osoby z niepełnosprawnościami, rodzice z wózkami',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 18000 },
      { label: 'Rozbiórka i nowa nawierzchnia chodnika (ok. 350 m)', amountZl: 214000 },
      { label: 'Obniżenia krawężników i płyty z wypustkami', amountZl: 26000 },
    ],
  },
  {
    key: 'dzialki-lesne-l-3',
    district: 'dzialki-lesne',
    pool: 'district_large',
    title: 'Strefa aktywności seniora „Zdrowe Działki”',
    summary:
      'Plenerowa strefa ćwiczeń dla seniorów z urządzeniami rehabilitacyjnymi, altaną i roczną opieką fizjoterapeuty prowadzącego zajęcia.',
    description:
      'Na Działkach Leśnych mieszka bardzo wielu seniorów. Wiele z tych osób chciałoby ćwiczyć na świeżym powietrzu, ale zwykłe siłownie zewnętrzne są dla nich zbyt wymagające.\n\nProponujemy strefę z urządzeniami o charakterze rehabilitacyjnym (do ćwiczeń równowagi, ruchomości stawów, wzmacniania dłoni), chodnikiem do ćwiczenia chodu z poręczami, altaną i ławkami.\n\nW cenie projektu jest roczny cykl zajęć z fizjoterapeutą – dwa razy w tygodniu od wiosny do jesieni – żeby seniorzy nauczyli się bezpiecznie korzystać z urządzeń.',
    category: 'health',
    location: 'Teren zieleni przy ul. Warszawskiej, Działki Leśne',
    beneficiaries: 'Seniorzy, osoby po urazach i w trakcie rehabilitacji',
    costItems: [
      { label: 'Urządzenia rehabilitacyjne (7 szt.)', amountZl: 72000 },
      { label: 'Nawierzchnia i ścieżka do ćwiczenia chodu', amountZl: 41000 },
      { label: 'Altana i ławki', amountZl: 29000 },
      { label: 'Zajęcia z fizjoterapeutą (1 sezon)', amountZl: 18000 },
    ],
  },
  {
    key: 'dzialki-lesne-s-1',
    district: 'dzialki-lesne',
    pool: 'district_small',
    title: 'Opowieści z Działek Leśnych – spotkania o historii dzielnicy',
    summary:
      'Sześć spotkań z historykami i najstarszymi mieszkańcami o dziejach Działek Leśnych oraz spacer z przewodnikiem zakończony wystawą zdjęć.',
    description:
      'Mało kto wie, jak powstawały Działki Leśne i kto tu mieszkał przed wojną. Chcemy zebrać te historie, zanim odejdą razem z najstarszymi sąsiadami.\n\nProponujemy cykl spotkań w bibliotece, spacer historyczny po dzielnicy oraz zbiórkę starych zdjęć od mieszkańców. Najciekawsze fotografie pokażemy na plenerowej wystawie, a nagrania wspomnień przekażemy do archiwum miejskiego.',
    category: 'culture',
    location: 'Filia Biblioteki Gdynia na Działkach Leśnych i ulice dzielnicy',
    beneficiaries: 'Mieszkańcy Działek Leśnych, miłośnicy historii Gdyni',
    costItems: [
      { label: 'Honoraria prelegentów i przewodnika', amountZl: 4200 },
      { label: 'Skanowanie i druk zdjęć na wystawę', amountZl: 3800 },
      { label: 'Nagrania i montaż wspomnień', amountZl: 2500 },
    ],
  },
  {
    key: 'dzialki-lesne-s-2',
    district: 'dzialki-lesne',
    pool: 'district_small',
    title: 'Plenerowe biblioteczki sąsiedzkie „Weź książkę, zostaw książkę”',
    summary:
      'Pięć zadaszonych szafek na książki w różnych miejscach dzielnicy, z opiekunami-wolontariuszami i akcją zbiórki książek na start.',
    description:
      'W wielu domach stoją książki, które ktoś chętnie by przeczytał. Plenerowe biblioteczki to prosty sposób, by dać im drugie życie i zachęcić sąsiadów do czytania.\n\nProponujemy wykonanie pięciu estetycznych, odpornych na deszcz szafek z drewna, montaż w uzgodnionych miejscach oraz akcję zbiórki książek na start. Każda biblioteczka będzie miała opiekuna-wolontariusza, który zadba o porządek.',
    category: 'education',
    location: 'Przystanki i skwery na Działkach Leśnych, m.in. przy ul. Partyzantów',
    beneficiaries: 'Czytelnicy w każdym wieku, mieszkańcy dzielnicy',
    costItems: [
      { label: 'Wykonanie szafek (5 szt.)', amountZl: 5500 },
      { label: 'Montaż i fundamenty', amountZl: 1500 },
      { label: 'Oznakowanie i akcja promocyjna', amountZl: 600 },
    ],
  },

  // ───────────────────────────── Grabówek ─────────────────────────────
  {
    key: 'grabowek-l-1',
    district: 'grabowek',
    pool: 'district_large',
    title: 'Boisko do koszykówki 3×3 na Grabówku',
    summary:
      'Budowa boiska do koszykówki 3×3 z profesjonalnymi koszami, nawierzchnią sportową i oświetleniem, z trybunką dla kibiców.',
    description:
      'Koszykówka 3×3 jest dyscypliną olimpijską i coraz popularniejszą wśród nastolatków. Na Grabówku nie ma jednak ani jednego porządnego boiska, na którym można by zagrać.\n\nProponujemy budowę dwóch boisk 3×3 obok siebie, z nawierzchnią akrylową, koszami z regulacją wysokości (także dla młodszych dzieci), oświetleniem i niewielką trybuną. Chcemy też zorganizować na otwarcie turniej dla młodzieży.\n\nBoiska będą ogólnodostępne, a lokalne szkoły wykorzystają je na lekcjach WF.',
    category: 'sport',
    location: 'Teren przy ul. Grabowo, Grabówek',
    beneficiaries: 'Młodzież, uczniowie okolicznych szkół, amatorzy koszykówki',
    costItems: [
      { label: 'Podbudowa i nawierzchnia akrylowa (2 boiska)', amountZl: 156000 },
      { label: 'Kosze z regulacją wysokości', amountZl: 38000 },
      { label: 'Oświetlenie', amountZl: 64000 },
      { label: 'Trybuna, ogrodzenie i turniej otwarcia', amountZl: 32000 },
    ],
  },
  {
    key: 'grabowek-l-2',
    district: 'grabowek',
    pool: 'district_large',
    title: 'Zielone podwórka Grabówka – ogrody deszczowe i drzewa',
    summary:
      'Rozszczelnienie betonowych podwórek: trzy ogrody deszczowe, 25 drzew, łąki kwietne i ławki zamiast zniszczonego asfaltu.',
    description:
      'Wiele podwórek na Grabówku to pozostałości po dawnych placach gospodarczych – asfalt, beton i kilka zapomnianych drzew. Latem jest tu gorąco, a po ulewach woda zalewa piwnice.\n\nProponujemy usunięcie części nieużywanych nawierzchni, urządzenie trzech ogrodów deszczowych, posadzenie 25 drzew i stworzenie łąk kwietnych. Na podwórkach staną ławki i stoły, a mieszkańcy wezmą udział we wspólnym sadzeniu.\n\nLokalizacje wybierzemy na gruntach miejskich, w porozumieniu z zarządcami budynków.',
    category: 'green',
    location: 'Podwórka w rejonie ul. Morskiej i ul. Kalksztajnów, Grabówek',
    beneficiaries: 'Mieszkańcy kamienic i bloków na Grabówku',
    costItems: [
      { label: 'Projekt i rozbiórka zbędnych nawierzchni', amountZl: 68000 },
      { label: 'Ogrody deszczowe (3 szt.)', amountZl: 96000 },
      { label: 'Drzewa (25 szt.) z pielęgnacją', amountZl: 52000 },
      { label: 'Łąki kwietne, ławki i stoły', amountZl: 34000 },
    ],
  },
  {
    key: 'grabowek-l-3',
    district: 'grabowek',
    pool: 'district_large',
    title: 'Doświetlenie przejść dla pieszych przez ul. Morską',
    summary:
      'Dedykowane oświetlenie pięciu przejść dla pieszych przez ul. Morską na Grabówku, z pulsującymi znakami przy przejściach bez sygnalizacji.',
    description:
      'Ulica Morska to jedna z najbardziej ruchliwych arterii Gdyni. Na Grabówku piesi przechodzą przez nią w kilku miejscach, gdzie po zmroku są słabo widoczni – szczególnie jesienią, w deszczu.\n\nProponujemy montaż dedykowanego oświetlenia przejść (lampy o zimnej barwie, oświetlające pieszego od strony nadjeżdżających pojazdów) przy pięciu przejściach oraz znaków aktywnych przy przejściach bez sygnalizacji świetlnej.\n\nTo sprawdzone rozwiązanie, które w innych miastach znacząco zmniejszyło liczbę potrąceń.',
    category: 'safety',
    location: 'ul. Morska, odcinek na Grabówku',
    beneficiaries: 'Piesi, uczniowie, pasażerowie komunikacji miejskiej',
    costItems: [
      { label: 'Projekt oświetlenia', amountZl: 24000 },
      { label: 'Oświetlenie dedykowane (5 przejść)', amountZl: 185000 },
      { label: 'Znaki aktywne', amountZl: 46000 },
    ],
  },
  {
    key: 'grabowek-s-1',
    district: 'grabowek',
    pool: 'district_small',
    title: 'Babcia, dziadek i ja – międzypokoleniowe warsztaty kulinarne',
    summary:
      'Osiem sobotnich warsztatów kulinarnych, na których seniorzy i wnuki wspólnie gotują tradycyjne potrawy pomorskie i kaszubskie.',
    description:
      'Gotowanie to świetny pretekst, by spędzić czas razem. Chcemy zaprosić dziadków z wnukami (lub „przyszywanych” dziadków z dziećmi z sąsiedztwa) na wspólne warsztaty.\n\nPod okiem kucharza uczestnicy przygotują m.in. zupę z brukwi, racuchy, pierniki i kaszubskie pierogi. Przepisy trafią do małej książeczki, którą rozdamy uczestnikom na zakończenie.',
    category: 'social',
    location: 'Sala z zapleczem kuchennym na Grabówku (np. klub osiedlowy)',
    beneficiaries: 'Seniorzy i dzieci z Grabówka',
    costItems: [
      { label: 'Prowadzenie warsztatów przez kucharza (8 spotkań)', amountZl: 4800 },
      { label: 'Produkty spożywcze', amountZl: 3200 },
      { label: 'Wynajem sali z kuchnią', amountZl: 2400 },
      { label: 'Druk książeczki z przepisami', amountZl: 1100 },
    ],
  },
  {
    key: 'grabowek-s-2',
    district: 'grabowek',
    pool: 'district_small',
    title: 'Ciepłe domki i opieka weterynaryjna dla kotów wolno żyjących',
    summary:
      'Ocieplone budki dla kotów wolno żyjących, karma na zimę i dofinansowanie sterylizacji we współpracy z opiekunami społecznymi.',
    description:
      'Na Grabówku żyje kilka kolonii kotów wolno żyjących, którymi opiekują się sąsiadki i sąsiedzi. Robią to na własny koszt, a zimą koty nie mają się gdzie schronić.\n\nProponujemy zakup 15 ocieplonych budek, karmy na sezon zimowy oraz sfinansowanie sterylizacji i odrobaczenia ok. 20 kotów w przychodni weterynaryjnej. Wszystko we współpracy z zarejestrowanymi społecznymi opiekunami kotów.',
    category: 'animals',
    location: 'Kolonie kotów w rejonie ul. Grabowo i ul. Morskiej',
    beneficiaries: 'Koty wolno żyjące, społeczni opiekunowie zwierząt',
    costItems: [
      { label: 'Ocieplone budki (15 szt.)', amountZl: 3750 },
      { label: 'Karma na sezon zimowy', amountZl: 3250 },
      { label: 'Sterylizacja i odrobaczenie ok. 20 kotów', amountZl: 7000 },
    ],
  },

  // ───────────────────────────── Kamienna Góra ─────────────────────────────
  {
    key: 'kamienna-gora-l-1',
    district: 'kamienna-gora',
    pool: 'district_large',
    title: 'Remont schodów i punktu widokowego na Kamiennej Górze',
    summary:
      'Naprawa zniszczonych schodów prowadzących na szczyt od strony ul. Sienkiewicza, nowe barierki i odnowa tarasu widokowego.',
    description:
      'Punkt widokowy na Kamiennej Górze to wizytówka Gdyni – przychodzą tu mieszkańcy i turyści z całej Polski. Schody prowadzące na szczyt od strony ul. Sienkiewicza mają jednak wykruszone stopnie i chwiejące się barierki.\n\nProponujemy remont schodów z zachowaniem ich historycznego charakteru, wymianę barierek, montaż dyskretnego oświetlenia stopni oraz odnowę nawierzchni tarasu widokowego. Przy tarasie staną ławki z widokiem na port i Skwer Kościuszki.\n\nPrace zostaną uzgodnione z Miejskim Konserwatorem Zabytków.',
    category: 'infrastructure',
    location: 'Schody od ul. Sienkiewicza i taras widokowy na Kamiennej Górze',
    beneficiaries: 'Mieszkańcy Kamiennej Góry i Śródmieścia, turyści, spacerowicze',
    costItems: [
      { label: 'Dokumentacja i uzgodnienia konserwatorskie', amountZl: 36000 },
      { label: 'Remont schodów', amountZl: 198000 },
      { label: 'Barierki i oświetlenie stopni', amountZl: 84000 },
      { label: 'Nawierzchnia tarasu i ławki', amountZl: 52000 },
    ],
  },
  {
    key: 'kamienna-gora-l-2',
    district: 'kamienna-gora',
    pool: 'district_large',
    title: 'Zielone zbocza Kamiennej Góry – nasadzenia i ławki',
    summary:
      'Uporządkowanie zieleni na zboczach wzgórza: nasadzenia krzewów umacniających skarpę, wymiana ławek wzdłuż alejek i nowe kosze.',
    description:
      'Zbocza Kamiennej Góry są miejscem codziennych spacerów. Część skarpy się osuwa, a ławki wzdłuż alejek są w złym stanie.\n\nProponujemy nasadzenia krzewów i bylin o głębokim systemie korzeniowym, które umocnią skarpy, wymianę 20 ławek na nowe, nawiązujące stylem do modernistycznej architektury dzielnicy, oraz montaż koszy na śmieci z pokrywami chroniącymi przed mewami.',
    category: 'green',
    location: 'Alejki spacerowe na zboczach Kamiennej Góry, rejon ul. Korzeniowskiego',
    beneficiaries: 'Spacerowicze, seniorzy, mieszkańcy i turyści',
    costItems: [
      { label: 'Prace przygotowawcze i projekt zieleni', amountZl: 18000 },
      { label: 'Nasadzenia krzewów i bylin', amountZl: 62000 },
      { label: 'Ławki (20 szt.)', amountZl: 56000 },
      { label: 'Kosze z pokrywami (12 szt.)', amountZl: 14000 },
    ],
  },
  {
    key: 'kamienna-gora-l-3',
    district: 'kamienna-gora',
    pool: 'district_large',
    title: 'Szlak modernizmu na Kamiennej Górze – tablice i audioprzewodnik',
    summary:
      'Oznakowanie 15 modernistycznych kamienic i willi tablicami z opisem, mapą szlaku i bezpłatnym audioprzewodnikiem w trzech językach.',
    description:
      'Kamienna Góra kryje wiele perełek gdyńskiego modernizmu, ale większość przechodniów mija je, nie wiedząc nic o ich historii i architektach.\n\nProponujemy utworzenie pieszego szlaku z 15 przystankami. Przy każdym budynku stanie estetyczna tablica z opisem i kodem QR prowadzącym do audioprzewodnika po polsku, angielsku i ukraińsku. Przygotujemy też papierową mapę szlaku dostępną w punktach informacji turystycznej.\n\nTreści przygotują historycy architektury, a tablice zostaną zaprojektowane tak, by nie dominowały nad elewacjami.',
    category: 'culture',
    location: 'Ulice Kamiennej Góry: Sienkiewicza, Korzeniowskiego, Orzeszkowej i okolice',
    beneficiaries: 'Mieszkańcy, turyści, uczniowie, miłośnicy architektury',
    costItems: [
      { label: 'Opracowanie merytoryczne i tłumaczenia', amountZl: 22000 },
      { label: 'Tablice informacyjne (15 szt.) z montażem', amountZl: 48000 },
      { label: 'Nagranie audioprzewodnika (3 języki)', amountZl: 16000 },
      { label: 'Druk map szlaku', amountZl: 6000 },
    ],
  },
  {
    key: 'kamienna-gora-s-1',
    district: 'kamienna-gora',
    pool: 'district_small',
    title: 'Spacery z przewodnikiem „Kamienna Góra – dzielnica willi”',
    summary:
      'Osiem bezpłatnych sobotnich spacerów z licencjonowanym przewodnikiem po historii i architekturze Kamiennej Góry.',
    description:
      'Chcemy, żeby mieszkańcy Gdyni mogli poznać Kamienną Górę z bliska – jej przedwojenne wille, historie mieszkańców i ciekawostki, o których nie piszą przewodniki.\n\nProponujemy osiem spacerów od maja do października, w tym dwa dostosowane do osób o ograniczonej mobilności i jeden specjalnie dla rodzin z dziećmi. Zapisy przez internet i telefonicznie.',
    category: 'culture',
    location: 'Start przy dolnej stacji kolejki na Kamienną Górę',
    beneficiaries: 'Mieszkańcy Gdyni, seniorzy, rodziny z dziećmi',
    costItems: [
      { label: 'Honoraria przewodników (8 spacerów)', amountZl: 4800 },
      { label: 'Zestawy nagłośnienia słuchawkowego', amountZl: 1600 },
      { label: 'Materiały i promocja', amountZl: 800 },
    ],
  },
  {
    key: 'kamienna-gora-s-2',
    district: 'kamienna-gora',
    pool: 'district_small',
    title: 'Poidełko dla ludzi i psów na szczycie Kamiennej Góry',
    summary:
      'Montaż poidełka z wodą pitną z dodatkową miską dla psów przy punkcie widokowym, gdzie latem brakuje dostępu do wody.',
    description:
      'Latem na szczyt Kamiennej Góry wchodzi wiele osób, często z psami. Na górze nie ma gdzie napić się wody, a do najbliższego sklepu trzeba schodzić.\n\nProponujemy montaż poidełka z przyciskiem, podłączonego do sieci wodociągowej, z niższym kranem i miską dla psów. Urządzenie będzie działać od maja do października.',
    category: 'health',
    location: 'Punkt widokowy na Kamiennej Górze',
    beneficiaries: 'Spacerowicze, turyści, opiekunowie psów',
    costItems: [
      { label: 'Poidełko z miską dla psów', amountZl: 8500 },
      { label: 'Przyłącze wodociągowe i montaż', amountZl: 9500 },
    ],
  },

  // ───────────────────────────── Karwiny ─────────────────────────────
  {
    key: 'karwiny-l-1',
    district: 'karwiny',
    pool: 'district_large',
    title: 'Tężnia solankowa w parku na Karwinach',
    summary:
      'Budowa drewnianej tężni solankowej z ławkami wokół, tworzącej mikroklimat korzystny dla układu oddechowego – miejsce relaksu dla całej dzielnicy.',
    description:
      'Tężnie solankowe cieszą się ogromną popularnością w wielu polskich miastach. Wdychanie aerozolu solankowego pomaga przy infekcjach górnych dróg oddechowych, a samo miejsce sprzyja odpoczynkowi i spotkaniom.\n\nProponujemy budowę tężni o wysokości ok. 4 m z konstrukcji drewnianej wypełnionej tarniną, z instalacją obiegu solanki, ławkami dookoła i tablicą z zasadami korzystania. Tężnia działałaby od maja do października.\n\nTo inwestycja dla wszystkich pokoleń – od mam z wózkami po seniorów.',
    category: 'health',
    location: 'Teren zieleni w rejonie ul. Brzechwy, Karwiny',
    beneficiaries: 'Mieszkańcy Karwin w każdym wieku, osoby z chorobami układu oddechowego',
    costItems: [
      { label: 'Projekt i pozwolenia', amountZl: 26000 },
      { label: 'Konstrukcja tężni z tarniną', amountZl: 232000 },
      { label: 'Instalacja obiegu solanki i zasilania', amountZl: 64000 },
      { label: 'Ławki, nawierzchnia i tablica informacyjna', amountZl: 28000 },
    ],
  },
  {
    key: 'karwiny-l-2',
    district: 'karwiny',
    pool: 'district_large',
    title: 'Plac zabaw z parkiem linowym przy ul. Tuwima',
    summary:
      'Rozbudowa placu zabaw o niski park linowy i ściankę wspinaczkową dla dzieci w wieku 6–12 lat, które wyrosły już z huśtawek.',
    description:
      'Na Karwinach jest sporo placów zabaw dla maluchów, ale dla starszych dzieci brakuje czegoś, co da im prawdziwe wyzwanie.\n\nProponujemy budowę niskiego parku linowego (do 1 m nad ziemią) z kilkunastoma przeszkodami, ścianki wspinaczkowej typu boulder oraz zjazdu tyrolskiego. Całość na bezpiecznej nawierzchni, z ławkami dla rodziców w zasięgu wzroku.',
    category: 'sport',
    location: 'Plac zabaw przy ul. Tuwima, Karwiny',
    beneficiaries: 'Dzieci w wieku szkolnym z Karwin i ich rodziny',
    costItems: [
      { label: 'Park linowy niski', amountZl: 118000 },
      { label: 'Ścianka wspinaczkowa typu boulder', amountZl: 46000 },
      { label: 'Zjazd tyrolski', amountZl: 38000 },
      { label: 'Nawierzchnia bezpieczna i ławki', amountZl: 58000 },
    ],
  },
  {
    key: 'karwiny-l-3',
    district: 'karwiny',
    pool: 'district_large',
    title: 'Przebudowa ciągu pieszego między ul. Staffa a ul. Nałkowskiej',
    summary:
      'Nowa nawierzchnia, pochylnia zamiast schodów i oświetlenie ciągu pieszego łączącego osiedla z przystankami przy ul. Wielkopolskiej.',
    description:
      'Ciąg pieszy między ul. Staffa a ul. Nałkowskiej to jedna z głównych tras mieszkańców Karwin na przystanki. Ma popękaną nawierzchnię, strome schody bez poręczy i tylko dwie lampy.\n\nProponujemy wymianę nawierzchni na ok. 300 m, zastąpienie schodów łagodną pochylnią z poręczami, dodanie oświetlenia i ławek do odpoczynku w połowie wzniesienia.',
    category: 'infrastructure',
    location: 'Ciąg pieszy między ul. Staffa i ul. Nałkowskiej, Karwiny',
    beneficiaries: 'Piesi, seniorzy, osoby z wózkami dziecięcymi i na wózkach',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 24000 },
      { label: 'Nawierzchnia ciągu pieszego', amountZl: 138000 },
      { label: 'Pochylnia z poręczami', amountZl: 72000 },
      { label: 'Oświetlenie (7 lamp) i ławki', amountZl: 96000 },
    ],
  },
  {
    key: 'karwiny-s-1',
    district: 'karwiny',
    pool: 'district_small',
    title: 'Szachowe Karwiny – nauka gry i turniej międzypokoleniowy',
    summary:
      'Zajęcia szachowe dla dzieci i seniorów prowadzone przez instruktora, zakończone otwartym turniejem z nagrodami.',
    description:
      'Szachy uczą cierpliwości i logicznego myślenia, a przy okazji łączą pokolenia. Na Karwinach jest wielu seniorów grających w szachy i dzieci, które chciałyby się nauczyć.\n\nProponujemy 16 cotygodniowych zajęć dla dwóch grup oraz otwarty turniej na zakończenie. Zakupimy komplety szachów i zegary, które zostaną w bibliotece do dalszego użytku.',
    category: 'education',
    location: 'Filia Biblioteki Gdynia na Karwinach',
    beneficiaries: 'Dzieci od 7 lat i seniorzy z Karwin',
    costItems: [
      { label: 'Instruktor szachowy (16 zajęć × 2 grupy)', amountZl: 6400 },
      { label: 'Komplety szachów i zegary', amountZl: 2800 },
      { label: 'Turniej: nagrody i dyplomy', amountZl: 1300 },
    ],
  },
  {
    key: 'karwiny-s-2',
    district: 'karwiny',
    pool: 'district_small',
    title: 'Kurs samoobrony dla kobiet i dziewcząt',
    summary:
      'Bezpłatny kurs samoobrony i zasad bezpieczeństwa dla kobiet i dziewcząt od 15 lat, prowadzony przez certyfikowanych instruktorów.',
    description:
      'Wiele kobiet wraca wieczorem z pracy czy zajęć pieszo przez osiedle. Chcemy, żeby czuły się pewniej i wiedziały, jak reagować w trudnej sytuacji.\n\nProponujemy dwie edycje kursu po 10 spotkań. Oprócz technik samoobrony uczestniczki poznają zasady unikania zagrożeń, podstawy pierwszej pomocy i dowiedzą się, gdzie szukać wsparcia. Zajęcia odbędą się w sali gimnastycznej szkoły na Karwinach.',
    category: 'safety',
    location: 'Sala gimnastyczna szkoły podstawowej na Karwinach',
    beneficiaries: 'Kobiety i dziewczęta od 15. roku życia',
    costItems: [
      { label: 'Instruktorzy (2 edycje × 10 spotkań)', amountZl: 8000 },
      { label: 'Wynajem sali', amountZl: 2000 },
      { label: 'Maty i tarcze treningowe', amountZl: 1800 },
    ],
  },

  // ───────────────────────────── Leszczynki ─────────────────────────────
  {
    key: 'leszczynki-l-1',
    district: 'leszczynki',
    pool: 'district_large',
    title: 'Plac zabaw dla maluchów przy ul. Orlicz-Dreszera',
    summary:
      'Nowy, ogrodzony plac zabaw dla dzieci do 6 lat z piaskownicą z zadaszeniem, domkiem, bujakami i strefą wodną na lato.',
    description:
      'Na Leszczynkach przybywa młodych rodzin, a najbliższy sensowny plac zabaw dla najmłodszych jest daleko od domu. Istniejące urządzenia są przeznaczone dla starszych dzieci.\n\nProponujemy ogrodzony plac zabaw z zadaszoną piaskownicą, domkiem z małą zjeżdżalnią, bujakami na sprężynach, tablicami manualnymi i małą strefą wodną (pompka z korytkami), z której dzieci mogą korzystać latem.\n\nDla opiekunów przewidujemy ławki w cieniu i stojak na wózki.',
    category: 'sport',
    location: 'Teren zieleni przy ul. Orlicz-Dreszera, Leszczynki',
    beneficiaries: 'Dzieci do 6 lat i ich opiekunowie',
    costItems: [
      { label: 'Urządzenia zabawowe', amountZl: 98000 },
      { label: 'Strefa wodna', amountZl: 36000 },
      { label: 'Nawierzchnia i ogrodzenie', amountZl: 54000 },
      { label: 'Ławki, zacienienie i stojak na wózki', amountZl: 17000 },
    ],
  },
  {
    key: 'leszczynki-l-2',
    district: 'leszczynki',
    pool: 'district_large',
    title: 'Bezpieczne przejście z sygnalizacją przy przystanku SKM Leszczynki',
    summary:
      'Budowa sygnalizacji świetlnej na wzbudzenie przy przejściu, którym codziennie idą pasażerowie SKM i uczniowie.',
    description:
      'Przejście w rejonie przystanku SKM Gdynia Leszczynki jest codziennie używane przez setki osób, w tym dzieci idące do szkoły. Kierowcy często nie zatrzymują się, a widoczność jest ograniczona przez zaparkowane samochody.\n\nProponujemy budowę sygnalizacji świetlnej wzbudzanej przyciskiem, z sygnałem dźwiękowym dla osób niewidomych, oraz wydłużenie zakazu postoju przed przejściem przez słupki.',
    category: 'safety',
    location: 'Przejście dla pieszych w rejonie przystanku SKM Gdynia Leszczynki',
    beneficiaries: 'Pasażerowie SKM, uczniowie, osoby niewidome i niedowidzące',
    costItems: [
      { label: 'Projekt sygnalizacji i organizacji ruchu', amountZl: 28000 },
      { label: 'Budowa sygnalizacji świetlnej', amountZl: 196000 },
      { label: 'Słupki i oznakowanie', amountZl: 12000 },
    ],
  },
  {
    key: 'leszczynki-l-3',
    district: 'leszczynki',
    pool: 'district_large',
    title: 'Altana sąsiedzka z ogrodem społecznym',
    summary:
      'Drewniana altana z wiatą, grządkami podwyższonymi i kompostownikiem, gdzie sąsiedzi mogą wspólnie uprawiać warzywa i spotykać się.',
    description:
      'Wielu mieszkańców bloków na Leszczynkach tęskni za własnym kawałkiem ziemi. Ogród społeczny to miejsce, gdzie można posadzić pomidory, zioła i kwiaty, a przy okazji poznać sąsiadów.\n\nProponujemy budowę altany z zadaszeniem i stołami, 12 grządek podwyższonych (w tym dwóch dostępnych dla osób na wózkach), kompostownika, zbiornika na deszczówkę i szopki na narzędzia. Ogrodem będzie opiekować się grupa sąsiedzka we współpracy z radą dzielnicy.',
    category: 'social',
    location: 'Teren miejski w rejonie ul. Łowickiej, Leszczynki',
    beneficiaries: 'Mieszkańcy bloków na Leszczynkach, seniorzy, dzieci',
    costItems: [
      { label: 'Altana z wiatą i stołami', amountZl: 42000 },
      { label: 'Grządki podwyższone (12 szt.)', amountZl: 18000 },
      { label: 'Zbiornik na deszczówkę, kompostownik i szopka', amountZl: 11000 },
      { label: 'Ogrodzenie i przygotowanie terenu', amountZl: 14000 },
    ],
  },
  {
    key: 'leszczynki-s-1',
    district: 'leszczynki',
    pool: 'district_small',
    title: 'Potańcówki dla seniorów „Leszczynki tańczą”',
    summary:
      'Cykl 12 popołudniowych zajęć tanecznych dla seniorów z instruktorem, zakończony wieczorkiem tanecznym dla całej dzielnicy.',
    description:
      'Taniec to świetny sposób na ruch, dobrą formę i nowe znajomości. Seniorzy z Leszczynek od dawna pytają o takie zajęcia blisko domu.\n\nProponujemy 12 spotkań z instruktorem tańca towarzyskiego i liniowego, dostosowanych do możliwości uczestników. Na zakończenie zorganizujemy wieczorek taneczny z muzyką na żywo, otwarty dla wszystkich mieszkańców.',
    category: 'health',
    location: 'Sala w Domu Sąsiedzkim lub szkole na Leszczynkach',
    beneficiaries: 'Seniorzy z Leszczynek',
    costItems: [
      { label: 'Instruktor tańca (12 zajęć)', amountZl: 4800 },
      { label: 'Wynajem sali', amountZl: 1800 },
      { label: 'Wieczorek taneczny z muzyką na żywo', amountZl: 2900 },
    ],
  },
  {
    key: 'leszczynki-s-2',
    district: 'leszczynki',
    pool: 'district_small',
    title: 'Sprzątamy dolinę potoku Chylońskiego',
    summary:
      'Dwie sąsiedzkie akcje sprzątania brzegów potoku i przylegającej zieleni, z kontenerem na odpady i tablicami „Nie zaśmiecaj”.',
    description:
      'Brzegi potoku Chylońskiego są pięknym fragmentem przyrody w mieście, ale niestety zalegają tam butelki, opony i odpady budowlane.\n\nProponujemy dwie duże akcje sprzątania – wiosną i jesienią – z udziałem mieszkańców, harcerzy i szkół. Zapewnimy rękawice, worki, kontener i wywóz odpadów wielkogabarytowych oraz postawimy tablice przypominające o zakazie zaśmiecania.',
    category: 'green',
    location: 'Dolina potoku Chylońskiego na terenie Leszczynek',
    beneficiaries: 'Mieszkańcy Leszczynek, spacerowicze, przyroda doliny',
    costItems: [
      { label: 'Rękawice, worki i chwytaki', amountZl: 1400 },
      { label: 'Kontener i wywóz odpadów (2 akcje)', amountZl: 4200 },
      { label: 'Tablice informacyjne (4 szt.)', amountZl: 1600 },
    ],
  },

  // ───────────────────────────── Mały Kack ─────────────────────────────
  {
    key: 'maly-kack-l-1',
    district: 'maly-kack',
    pool: 'district_large',
    title: 'Boisko wielofunkcyjne przy ul. Halickiej',
    summary:
      'Modernizacja starego asfaltowego boiska: nawierzchnia poliuretanowa, bramki, kosze, siatki do siatkówki i piłkochwyty.',
    description:
      'Asfaltowe boisko przy ul. Halickiej pamięta lata 80. Nawierzchnia jest popękana, a kosze przekrzywione. Mimo to codziennie grają tu dzieci – bo nie mają gdzie indziej.\n\nProponujemy kompleksową modernizację: nową podbudowę i nawierzchnię poliuretanową, bramki do piłki ręcznej, kosze, słupki do siatkówki, piłkochwyty za bramkami i ławki dla zawodników.',
    category: 'sport',
    location: 'Boisko przy ul. Halickiej, Mały Kack',
    beneficiaries: 'Dzieci i młodzież z Małego Kacka, lokalne drużyny amatorskie',
    costItems: [
      { label: 'Rozbiórka i nowa podbudowa', amountZl: 84000 },
      { label: 'Nawierzchnia poliuretanowa', amountZl: 136000 },
      { label: 'Wyposażenie sportowe', amountZl: 42000 },
      { label: 'Piłkochwyty i ławki', amountZl: 38000 },
    ],
  },
  {
    key: 'maly-kack-l-2',
    district: 'maly-kack',
    pool: 'district_large',
    title: 'Ogród społeczny i sad sąsiedzki w Małym Kacku',
    summary:
      'Sad z 30 drzewami owocowymi dawnych odmian, grządki społeczne, pasieka edukacyjna i miejsce do wspólnych warsztatów przyrodniczych.',
    description:
      'Mały Kack ma jeszcze wolne skrawki terenu, które warto zagospodarować z myślą o przyrodzie i ludziach. Proponujemy stworzenie sadu sąsiedzkiego, w którym każdy będzie mógł zerwać jabłko czy gruszkę.\n\nPosadzimy 30 drzew dawnych odmian pomorskich, założymy grządki społeczne i postawimy dwa ule pod opieką pszczelarza, który poprowadzi warsztaty dla szkół. Będzie też wiata z ławkami na zajęcia pod chmurką.\n\nSad będzie żywą lekcją przyrody dla dzieci i miejscem odpoczynku dla dorosłych.',
    category: 'green',
    location: 'Teren zieleni w rejonie ul. Sandomierskiej, Mały Kack',
    beneficiaries: 'Mieszkańcy Małego Kacka, uczniowie okolicznych szkół',
    costItems: [
      { label: 'Drzewa owocowe (30 szt.) z pielęgnacją', amountZl: 27000 },
      { label: 'Grządki społeczne i przygotowanie gleby', amountZl: 19000 },
      { label: 'Ule edukacyjne z opieką pszczelarza', amountZl: 16000 },
      { label: 'Wiata edukacyjna z ławkami', amountZl: 38000 },
    ],
  },
  {
    key: 'maly-kack-l-3',
    district: 'maly-kack',
    pool: 'district_large',
    title: 'Schody terenowe z poręczą między ul. Wielkopolską a ul. Sandomierską',
    summary:
      'Zastąpienie stromej, błotnistej ścieżki po skarpie solidnymi schodami z poręczą, oświetleniem i pochylnią dla rowerów.',
    description:
      'Na skarpie między ul. Wielkopolską a ul. Sandomierską mieszkańcy wydeptali ścieżkę, bo to najkrótsza droga do przystanku. Zimą i po deszczu zejście jest śliskie i niebezpieczne.\n\nProponujemy budowę schodów terenowych z obustronną poręczą, rynną do prowadzenia roweru lub wózka, oświetleniem i ławką na szczycie skarpy.',
    category: 'infrastructure',
    location: 'Skarpa między ul. Wielkopolską a ul. Sandomierską, Mały Kack',
    beneficiaries: 'Piesi korzystający z przystanków przy ul. Wielkopolskiej, rowerzyści',
    costItems: [
      { label: 'Projekt i geotechnika', amountZl: 21000 },
      { label: 'Schody terenowe z poręczami', amountZl: 124000 },
      { label: 'Rynna rowerowa i oświetlenie', amountZl: 47000 },
    ],
  },
  {
    key: 'maly-kack-s-1',
    district: 'maly-kack',
    pool: 'district_small',
    title: 'Rodzinny piknik „Mały Kack – duża rodzina”',
    summary:
      'Wrześniowy piknik sąsiedzki z grami terenowymi, kącikiem rękodzieła, koncertem i stoiskami lokalnych organizacji.',
    description:
      'Chcemy pożegnać wakacje wspólnym piknikiem, na którym sąsiedzi mogą się lepiej poznać. W programie gra terenowa po dzielnicy dla rodzin, kącik rękodzieła, pokaz straży pożarnej, koncert lokalnego zespołu i stoiska organizacji działających w Małym Kacku.\n\nPiknik będzie bezpłatny i otwarty dla wszystkich.',
    category: 'culture',
    location: 'Teren przy szkole podstawowej w Małym Kacku (po uzgodnieniu z dyrekcją)',
    beneficiaries: 'Rodziny z dziećmi, wszyscy mieszkańcy dzielnicy',
    costItems: [
      { label: 'Scena i koncert', amountZl: 6500 },
      { label: 'Gra terenowa i animacje', amountZl: 3800 },
      { label: 'Materiały do warsztatów', amountZl: 1200 },
      { label: 'Toalety przenośne i sprzątanie', amountZl: 1500 },
    ],
  },
  {
    key: 'maly-kack-s-2',
    district: 'maly-kack',
    pool: 'district_small',
    title: 'Angielski i smartfon dla seniorów – kurs w bibliotece',
    summary:
      'Dwa semestralne kursy dla seniorów: język angielski od podstaw oraz obsługa smartfona i bezpieczne korzystanie z internetu.',
    description:
      'Seniorzy chcą porozumieć się z wnukami mieszkającymi za granicą, wysłać zdjęcie, zapłacić telefonem albo umówić się do lekarza przez internet. Do tego potrzebne są umiejętności, których nikt ich wcześniej nie uczył.\n\nProponujemy dwa kursy po 15 spotkań w małych grupach: angielski od podstaw oraz „smartfon bez stresu”, obejmujący też rozpoznawanie oszustw internetowych i telefonicznych.',
    category: 'education',
    location: 'Filia Biblioteki Gdynia w Małym Kacku',
    beneficiaries: 'Seniorzy z Małego Kacka',
    costItems: [
      { label: 'Lektor języka angielskiego (15 zajęć)', amountZl: 4500 },
      { label: 'Trener kompetencji cyfrowych (15 zajęć)', amountZl: 4500 },
      { label: 'Podręczniki i materiały', amountZl: 1200 },
    ],
  },

  // ───────────────────────────── Obłuże ─────────────────────────────
  {
    key: 'obluze-l-1',
    district: 'obluze',
    pool: 'district_large',
    title: 'Skatepark na Obłużu',
    summary:
      'Betonowy skatepark dla deskorolek, hulajnóg wyczynowych i rolek, z przeszkodami dla początkujących i zaawansowanych.',
    description:
      'Młodzież z Obłuża, Oksywia i Pogórza jeździ na deskorolkach po parkingach i schodach, bo w północnej części Gdyni brakuje porządnego skateparku.\n\nProponujemy budowę betonowego skateparku o powierzchni ok. 600 m² z rampami, poręczami, murkami i niewielkim bowlem. Projekt powstanie we współpracy z lokalnymi skaterami, żeby przeszkody naprawdę odpowiadały potrzebom użytkowników.\n\nObok skateparku staną ławki, stojaki i tablica z regulaminem, a na otwarcie zorganizujemy zawody i pokazy.',
    category: 'sport',
    location: 'Teren rekreacyjny przy ul. Unruga, Obłuże',
    beneficiaries: 'Młodzież z Obłuża i sąsiednich dzielnic, skaterzy i rolkarze',
    costItems: [
      { label: 'Projekt z udziałem użytkowników', amountZl: 26000 },
      { label: 'Budowa betonowego skateparku', amountZl: 344000 },
      { label: 'Mała architektura i zawody na otwarcie', amountZl: 18000 },
    ],
  },
  {
    key: 'obluze-l-2',
    district: 'obluze',
    pool: 'district_large',
    title: 'Oświetlona ścieżka przez las między Obłużem a Pogórzem',
    summary:
      'Utwardzenie i oświetlenie leśnej ścieżki, którą mieszkańcy chodzą między dzielnicami, z dwiema ławkami i tablicą przyrodniczą.',
    description:
      'Leśna ścieżka między Obłużem a Pogórzem jest popularnym skrótem do szkół, sklepów i przystanków. Po zmroku jest całkowicie ciemna, a jesienią błotnista.\n\nProponujemy utwardzenie ścieżki nawierzchnią mineralno-żwirową i montaż oświetlenia z czujnikami ruchu, które zapala się tylko wtedy, gdy ktoś idzie, oszczędzając energię i ograniczając wpływ na zwierzęta. Przy ścieżce staną dwie ławki i tablica o przyrodzie Kępy Oksywskiej.',
    category: 'safety',
    location: 'Ścieżka leśna między ul. Bosmańską a Pogórzem',
    beneficiaries: 'Mieszkańcy Obłuża i Pogórza, uczniowie, spacerowicze',
    costItems: [
      { label: 'Projekt i uzgodnienia z zarządcą lasu', amountZl: 18000 },
      { label: 'Utwardzenie ścieżki', amountZl: 88000 },
      { label: 'Oświetlenie z czujnikami ruchu', amountZl: 132000 },
      { label: 'Ławki i tablica przyrodnicza', amountZl: 9000 },
    ],
  },
  {
    key: 'obluze-l-3',
    district: 'obluze',
    pool: 'district_large',
    title: 'Wyposażenie klubu sąsiedzkiego na Obłużu',
    summary:
      'Doposażenie lokalu sąsiedzkiego w meble, sprzęt kuchenny, rzutnik i gry oraz roczny program zajęć dla dzieci, dorosłych i seniorów.',
    description:
      'Obłuże potrzebuje miejsca, gdzie sąsiedzi mogą się spotkać, zorganizować urodziny dziecka, warsztaty czy klub seniora. Lokal jest, ale stoi niemal pusty.\n\nProponujemy kompletne wyposażenie: stoły i krzesła składane, aneks kuchenny, rzutnik z ekranem i nagłośnieniem, szafy z grami i materiałami plastycznymi. Do tego roczny program zajęć: klub planszówkowy, warsztaty dla rodziców, spotkania seniorów i korepetycje wolontariackie.',
    category: 'social',
    location: 'Lokal sąsiedzki w rejonie ul. Płk. Dąbka, Obłuże',
    beneficiaries: 'Mieszkańcy Obłuża w każdym wieku, lokalne grupy i organizacje',
    costItems: [
      { label: 'Meble i wyposażenie sali', amountZl: 34000 },
      { label: 'Aneks kuchenny ze sprzętem', amountZl: 22000 },
      { label: 'Sprzęt multimedialny', amountZl: 14000 },
      { label: 'Roczny program zajęć', amountZl: 26000 },
    ],
  },
  {
    key: 'obluze-s-1',
    district: 'obluze',
    pool: 'district_small',
    title: 'Kompostujemy na Obłużu – kompostowniki i warsztaty',
    summary:
      'Zakup 12 kompostowników dla wspólnot mieszkaniowych i ogrodów społecznych oraz warsztaty z kompostowania i ograniczania odpadów.',
    description:
      'Ogromna część naszych śmieci to odpady kuchenne, które mogłyby stać się nawozem. Chcemy pokazać, że kompostowanie jest proste także w bloku.\n\nProponujemy zakup kompostowników dla chętnych wspólnot (na terenach wspólnych) i cykl czterech warsztatów: o kompostowaniu, zero waste w kuchni i naprawianiu zamiast wyrzucania.',
    category: 'green',
    location: 'Tereny wspólnot mieszkaniowych na Obłużu, warsztaty w klubie sąsiedzkim',
    beneficiaries: 'Mieszkańcy bloków i domów na Obłużu',
    costItems: [
      { label: 'Kompostowniki (12 szt.)', amountZl: 4800 },
      { label: 'Warsztaty (4 spotkania)', amountZl: 2400 },
      { label: 'Poradnik dla mieszkańców (druk)', amountZl: 700 },
    ],
  },
  {
    key: 'obluze-s-2',
    district: 'obluze',
    pool: 'district_small',
    title: 'Letni turniej siatkówki plażowej „Obłuże Open”',
    summary:
      'Dwudniowy amatorski turniej siatkówki plażowej dla par w kategoriach młodzież, dorośli i mikst, zakończony wspólnym grillem.',
    description:
      'Chcemy zorganizować turniej, w którym zagrać może każdy – nie trzeba być zawodnikiem. Zgłaszają się pary, a mecze rozgrywamy na boisku do siatkówki plażowej.\n\nZapewnimy sędziów, piłki, nagrody i wodę, a na zakończenie turnieju zorganizujemy sąsiedzki grill.',
    category: 'sport',
    location: 'Boisko do siatkówki plażowej na Obłużu',
    beneficiaries: 'Młodzież i dorośli amatorzy siatkówki',
    costItems: [
      { label: 'Sędziowie i obsługa turnieju', amountZl: 2400 },
      { label: 'Piłki, siatki i uzupełnienie piasku', amountZl: 2600 },
      { label: 'Nagrody, dyplomy i woda', amountZl: 2100 },
      { label: 'Grill sąsiedzki', amountZl: 1400 },
    ],
  },

  // ───────────────────────────── Oksywie ─────────────────────────────
  {
    key: 'oksywie-l-1',
    district: 'oksywie',
    pool: 'district_large',
    title: 'Ścieżka historyczna „Kępa Oksywska – najstarsza Gdynia”',
    summary:
      'Pieszy szlak z 10 stacjami o historii Oksywia – od osady kultury oksywskiej, przez kościół św. Michała Archanioła, po walki w 1939 roku.',
    description:
      'Oksywie to najstarsza część Gdyni. Jego historia sięga czasów przed naszą erą, a kościół św. Michała Archanioła należy do najstarszych świątyń na Pomorzu. Mimo to wiele osób nic o tym nie wie.\n\nProponujemy wytyczenie pieszego szlaku z 10 stacjami: tablice z ilustracjami, kody QR z nagraniami, ławki w punktach widokowych i stacja z interaktywną grą dla dzieci. Szlak połączy kościół, Cmentarz Marynarki Wojennej, klif i miejsca pamięci obrony Kępy Oksywskiej.\n\nTreści opracujemy z historykami i Muzeum Miasta Gdyni.',
    category: 'culture',
    location: 'Kępa Oksywska, rejon ul. Dickmana i kościoła św. Michała Archanioła',
    beneficiaries: 'Mieszkańcy, uczniowie, turyści',
    costItems: [
      { label: 'Opracowanie merytoryczne i ilustracje', amountZl: 28000 },
      { label: 'Tablice i stacje (10 szt.) z montażem', amountZl: 76000 },
      { label: 'Ławki w punktach widokowych', amountZl: 18000 },
      { label: 'Aplikacja z grą dla dzieci', amountZl: 24000 },
    ],
  },
  {
    key: 'oksywie-l-2',
    district: 'oksywie',
    pool: 'district_large',
    title: 'Marynarski plac zabaw na Oksywiu',
    summary:
      'Plac zabaw z motywem okrętu: duży statek-zestaw ze zjeżdżalniami, latarnia do wspinaczki, huśtawki i piaskownica.',
    description:
      'Oksywie od dziesięcioleci związane jest z Marynarką Wojenną i morzem. Chcemy, żeby nawiązywał do tego także plac zabaw, na którym dzieci mogą poczuć się jak prawdziwi marynarze.\n\nProponujemy budowę placu zabaw z tematycznym zestawem w kształcie okrętu (zjeżdżalnie, pomosty, siatki), latarnią morską do wspinaczki, huśtawkami i piaskownicą. Dla opiekunów – ławki w cieniu i stojak na rowery.',
    category: 'sport',
    location: 'Teren zieleni przy ul. Śmidowicza, Oksywie',
    beneficiaries: 'Dzieci z Oksywia i ich rodziny',
    costItems: [
      { label: 'Zestaw zabawowy „okręt”', amountZl: 128000 },
      { label: 'Latarnia do wspinaczki i huśtawki', amountZl: 54000 },
      { label: 'Nawierzchnia bezpieczna', amountZl: 62000 },
      { label: 'Ławki, kosze i stojak na rowery', amountZl: 11000 },
    ],
  },
  {
    key: 'oksywie-l-3',
    district: 'oksywie',
    pool: 'district_large',
    title: 'Chodnik wzdłuż ul. Arendta Dickmana',
    summary:
      'Budowa brakującego odcinka chodnika wzdłuż ul. Dickmana w stronę Osady Rybackiej, z oświetleniem i przejściem dla pieszych.',
    description:
      'Na części ul. Dickmana piesi chodzą poboczem, dzieląc drogę z samochodami i autobusami. Szczególnie niebezpiecznie jest zimą i po zmroku.\n\nProponujemy budowę chodnika o długości ok. 300 m, z oświetleniem i bezpiecznym przejściem dla pieszych przy przystanku. Zadanie wymaga uzgodnień z zarządcą drogi, które wstępnie przeprowadziliśmy.',
    category: 'infrastructure',
    location: 'ul. Arendta Dickmana, odcinek w kierunku Osady Rybackiej, Oksywie',
    beneficiaries: 'Piesi, pasażerowie autobusów, mieszkańcy Osady Rybackiej',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 26000 },
      { label: 'Budowa chodnika (ok. 300 m)', amountZl: 214000 },
      { label: 'Oświetlenie i przejście dla pieszych', amountZl: 92000 },
    ],
  },
  {
    key: 'oksywie-s-1',
    district: 'oksywie',
    pool: 'district_small',
    title: 'Festyn „Dzień Oksywia” z kaszubską muzyką',
    summary:
      'Sąsiedzki festyn z występami kaszubskich zespołów, warsztatami plecionkarstwa, grami dla dzieci i stoiskiem z lokalnymi przysmakami.',
    description:
      'Oksywie ma swoją tożsamość i tradycje, które warto celebrować. Proponujemy coroczny festyn, na który zaprosimy kaszubski zespół folklorystyczny, rzemieślników prowadzących warsztaty oraz animatorów dla dzieci.\n\nChcemy, żeby to było święto wszystkich mieszkańców – tych z dziada pradziada i tych, którzy zamieszkali tu niedawno.',
    category: 'culture',
    location: 'Teren przy szkole na Oksywiu lub plac przy ul. Śmidowicza',
    beneficiaries: 'Mieszkańcy Oksywia w każdym wieku',
    costItems: [
      { label: 'Występy zespołów i nagłośnienie', amountZl: 7200 },
      { label: 'Warsztaty rzemieślnicze', amountZl: 2800 },
      { label: 'Animacje dla dzieci', amountZl: 2600 },
      { label: 'Organizacja terenu i sprzątanie', amountZl: 1900 },
    ],
  },
  {
    key: 'oksywie-s-2',
    district: 'oksywie',
    pool: 'district_small',
    title: 'Mały ratownik – pierwsza pomoc dla dzieci z Oksywia',
    summary:
      'Zajęcia z pierwszej pomocy dla uczniów klas 1–6 prowadzone przez ratowników, z fantomami i zestawami apteczek dla klas.',
    description:
      'Dzieci potrafią uratować życie, jeśli wiedzą, co zrobić. Proponujemy zajęcia z ratownikami dla uczniów szkół na Oksywiu: jak wezwać pomoc, ułożyć w pozycji bocznej, opatrzyć ranę i rozpocząć resuscytację.\n\nKażda klasa otrzyma apteczkę, a najbardziej zaangażowani uczniowie – odznakę „Mały Ratownik”.',
    category: 'health',
    location: 'Szkoły podstawowe na Oksywiu',
    beneficiaries: 'Uczniowie klas 1–6',
    costItems: [
      { label: 'Zajęcia z ratownikami (20 godzin)', amountZl: 4000 },
      { label: 'Fantomy dziecięce (2 szt.)', amountZl: 2600 },
      { label: 'Apteczki klasowe i odznaki', amountZl: 1900 },
    ],
  },

  // ───────────────────────────── Orłowo ─────────────────────────────
  {
    key: 'orlowo-l-1',
    district: 'orlowo',
    pool: 'district_large',
    title: 'Chronimy Klif Orłowski – barierki, tablice i odnowa ścieżek',
    summary:
      'Odnowa ścieżek nad klifem, drewniane barierki odgradzające niebezpieczne krawędzie oraz tablice edukacyjne o erozji i przyrodzie rezerwatu.',
    description:
      'Klif Orłowski to jedno z najpiękniejszych miejsc w Trójmieście, ale też bardzo delikatne. Spacerowicze wchodzą na krawędzie i schodzą po zboczu, przyspieszając erozję i narażając się na upadek.\n\nProponujemy odnowę głównych ścieżek nad klifem, montaż drewnianych barierek w najbardziej niebezpiecznych miejscach i ustawienie tablic edukacyjnych o procesach zachodzących na klifie, roślinności i ptakach.\n\nWszystkie prace zostaną uzgodnione z Regionalną Dyrekcją Ochrony Środowiska, bo teren jest objęty ochroną rezerwatową.',
    category: 'green',
    location: 'Ścieżki na Kępie Redłowskiej nad Klifem Orłowskim',
    beneficiaries: 'Spacerowicze, mieszkańcy Orłowa, turyści, przyroda rezerwatu',
    costItems: [
      { label: 'Projekt i uzgodnienia z RDOŚ', amountZl: 24000 },
      { label: 'Odnowa ścieżek', amountZl: 96000 },
      { label: 'Barierki drewniane', amountZl: 58000 },
      { label: 'Tablice edukacyjne (8 szt.)', amountZl: 22000 },
    ],
  },
  {
    key: 'orlowo-l-2',
    district: 'orlowo',
    pool: 'district_large',
    title: 'Naturalny plac zabaw w Parku Kolibki',
    summary:
      'Plac zabaw z naturalnych materiałów – pnie, kamienie, wierzbowe tunele, strumyk do zabaw wodą – wpisany w leśny charakter parku.',
    description:
      'Park Kolibki to ulubione miejsce spacerów rodzin z Orłowa. Brakuje tu jednak miejsca do zabawy, które nie kłóciłoby się z naturalnym charakterem parku.\n\nProponujemy naturalny plac zabaw: tor równowagi z pni, kamienne wyspy, wierzbowe tunele, drewniana ścianka wspinaczkowa i mały strumyk z pompką do zabaw wodą. Zamiast plastiku – drewno robinii, kamień i piasek.\n\nTaki plac rozwija wyobraźnię i uczy dzieci kontaktu z przyrodą.',
    category: 'sport',
    location: 'Park Kolibki, Orłowo',
    beneficiaries: 'Dzieci w wieku 3–10 lat i ich rodziny',
    costItems: [
      { label: 'Projekt placu naturalnego', amountZl: 16000 },
      { label: 'Elementy z drewna robinii i kamienia', amountZl: 112000 },
      { label: 'Strumyk z pompką', amountZl: 34000 },
      { label: 'Wierzbowe tunele i nasadzenia', amountZl: 14000 },
    ],
  },
  {
    key: 'orlowo-l-3',
    district: 'orlowo',
    pool: 'district_large',
    title: 'Całoroczna toaleta publiczna przy plaży w Orłowie',
    summary:
      'Budowa całorocznej, bezpłatnej toalety publicznej dostępnej dla osób z niepełnosprawnościami, z przewijakiem, przy zejściu na plażę.',
    description:
      'Orłowo odwiedzają tłumy spacerowiczów przez cały rok, a w okolicy mola brakuje ogólnodostępnej toalety czynnej także poza sezonem. To problem szczególnie dla rodzin z dziećmi i seniorów.\n\nProponujemy budowę automatycznej toalety z kabiną dostosowaną dla osób z niepełnosprawnościami i przewijakiem dla niemowląt. Koszt obejmuje przyłącza oraz dwuletnie serwisowanie.',
    category: 'infrastructure',
    location: 'Rejon zejścia na plażę przy ul. Orłowskiej, w pobliżu mola',
    beneficiaries: 'Spacerowicze, rodziny z dziećmi, seniorzy, osoby z niepełnosprawnościami',
    costItems: [
      { label: 'Projekt i przyłącza', amountZl: 72000 },
      { label: 'Toaleta automatyczna z montażem', amountZl: 248000 },
      { label: 'Serwis przez 2 lata', amountZl: 48000 },
    ],
  },
  {
    key: 'orlowo-s-1',
    district: 'orlowo',
    pool: 'district_small',
    title: 'Letnie wieczory literackie w Domku Żeromskiego',
    summary:
      'Pięć letnich wieczorów z czytaniem prozy i poezji o morzu, spotkaniami z autorami i muzyką akustyczną w ogrodzie Domku Żeromskiego.',
    description:
      'Stefan Żeromski spędził w Orłowie ostatnie wakacje i pisał tu o morzu. Chcemy nawiązać do tej tradycji i zaprosić mieszkańców na wieczory literackie.\n\nKażdy wieczór to czytanie tekstów, rozmowa z zaproszonym autorem lub autorką i krótki koncert akustyczny. Wstęp wolny.',
    category: 'culture',
    location: 'Domek Żeromskiego, ul. Orłowska, Orłowo',
    beneficiaries: 'Mieszkańcy Gdyni, miłośnicy literatury, seniorzy',
    costItems: [
      { label: 'Honoraria autorów i muzyków (5 wieczorów)', amountZl: 7500 },
      { label: 'Nagłośnienie i oświetlenie ogrodu', amountZl: 3000 },
      { label: 'Promocja i druk programu', amountZl: 1000 },
    ],
  },
  {
    key: 'orlowo-s-2',
    district: 'orlowo',
    pool: 'district_small',
    title: 'Stojaki rowerowe przy molo i ul. Orłowskiej',
    summary:
      'Montaż 30 stojaków rowerowych w pobliżu mola i na ul. Orłowskiej, gdzie rowery są przypinane do drzew i latarni.',
    description:
      'W weekendy do Orłowa przyjeżdża bardzo wielu rowerzystów, którzy nie mają gdzie zostawić rowerów. Przypinają je do drzew, płotów i latarni, co utrudnia przejście pieszym.\n\nProponujemy montaż 30 stojaków typu „U” w kilku miejscach wskazanych wspólnie z Zarządem Dróg i Zieleni.',
    category: 'transport',
    location: 'Okolice mola i ul. Orłowskiej, Orłowo',
    beneficiaries: 'Rowerzyści, piesi, spacerowicze',
    costItems: [
      { label: 'Stojaki rowerowe (30 szt.)', amountZl: 12000 },
      { label: 'Montaż', amountZl: 6000 },
    ],
  },

  // ───────────────────────────── Pogórze ─────────────────────────────
  {
    key: 'pogorze-l-1',
    district: 'pogorze',
    pool: 'district_large',
    title: 'Park rodzinny na Pogórzu – strefa ruchu dla każdego',
    summary:
      'Park rekreacyjny z siłownią zewnętrzną, stołami do ping-ponga, ścieżką biegową i strefą relaksu z hamakami.',
    description:
      'Pogórze to duża dzielnica, w której wciąż brakuje miejsca, gdzie całe rodziny mogą aktywnie spędzić czas. Dzieci mają place zabaw, ale rodzice, młodzież i seniorzy – już nie.\n\nProponujemy park z siłownią zewnętrzną, dwoma betonowymi stołami do tenisa stołowego, ścieżką biegową z pętlą 400 m i strefą relaksu z hamakami i leżakami. Całość z oświetleniem i nasadzeniami.',
    category: 'sport',
    location: 'Teren zielony w rejonie ul. Porębskiego, Pogórze',
    beneficiaries: 'Rodziny, młodzież, seniorzy z Pogórza',
    costItems: [
      { label: 'Siłownia zewnętrzna (10 urządzeń)', amountZl: 78000 },
      { label: 'Stoły do tenisa stołowego (2 szt.)', amountZl: 18000 },
      { label: 'Ścieżka biegowa z oświetleniem', amountZl: 164000 },
      { label: 'Strefa relaksu i nasadzenia', amountZl: 36000 },
    ],
  },
  {
    key: 'pogorze-l-2',
    district: 'pogorze',
    pool: 'district_large',
    title: 'Bezpieczne przejścia w rejonie Zespołu Szkolno-Przedszkolnego nr 5',
    summary:
      'Doświetlenie przejść, progi wyspowe i kolorowe oznakowanie poziome w otoczeniu szkoły przy ul. Porębskiego.',
    description:
      'W godzinach porannych okolice szkoły przy ul. Porębskiego to chaos: samochody rodziców, autobusy i dzieci przechodzące przez jezdnię w różnych miejscach.\n\nProponujemy doświetlenie trzech przejść dla pieszych, montaż progów wyspowych spowalniających ruch, kolorowe oznakowanie strefy szkolnej na jezdni oraz wyznaczenie strefy „kiss and ride”, w której rodzice mogą bezpiecznie wysadzić dzieci.',
    category: 'safety',
    location: 'ul. Porębskiego, rejon Zespołu Szkolno-Przedszkolnego nr 5, Pogórze',
    beneficiaries: 'Uczniowie, przedszkolaki, rodzice, piesi',
    costItems: [
      { label: 'Projekt organizacji ruchu', amountZl: 18000 },
      { label: 'Doświetlenie 3 przejść', amountZl: 96000 },
      { label: 'Progi wyspowe', amountZl: 42000 },
      { label: 'Oznakowanie strefy szkolnej i „kiss and ride”', amountZl: 24000 },
    ],
  },
  {
    key: 'pogorze-l-3',
    district: 'pogorze',
    pool: 'district_large',
    title: 'Łąki kwietne i 100 drzew dla Pogórza',
    summary:
      'Zamiana koszonych trawników na łąki kwietne w pięciu miejscach dzielnicy oraz posadzenie 100 drzew z trzyletnią pielęgnacją.',
    description:
      'Między blokami na Pogórzu są duże trawniki, które latem wysychają na wiór. Łąki kwietne lepiej znoszą suszę, zatrzymują wodę i są domem dla pszczół i motyli.\n\nProponujemy założenie łąk kwietnych na ok. 6000 m² w pięciu lokalizacjach oraz posadzenie 100 drzew, które za kilka lat dadzą cień na placach zabaw i chodnikach. Przy łąkach staną tabliczki wyjaśniające, dlaczego nie są koszone.',
    category: 'green',
    location: 'Tereny zieleni między blokami na Pogórzu Górnym i Dolnym',
    beneficiaries: 'Mieszkańcy Pogórza, owady zapylające',
    costItems: [
      { label: 'Przygotowanie gleby i wysiew łąk', amountZl: 48000 },
      { label: 'Drzewa (100 szt.) z sadzeniem', amountZl: 92000 },
      { label: 'Pielęgnacja przez 3 lata', amountZl: 54000 },
      { label: 'Tabliczki informacyjne', amountZl: 4000 },
    ],
  },
  {
    key: 'pogorze-s-1',
    district: 'pogorze',
    pool: 'district_small',
    title: 'Legalna ściana graffiti i warsztaty street artu',
    summary:
      'Przygotowanie legalnej ściany do graffiti i cykl warsztatów dla młodzieży prowadzonych przez doświadczonych artystów.',
    description:
      'Młodzież z Pogórza ma talent i chęci, ale brakuje jej miejsca, gdzie mogłaby legalnie tworzyć. Zamiast walczyć z bazgrołami, dajmy młodym przestrzeń.\n\nProponujemy przygotowanie ściany (za zgodą zarządcy) i osiem warsztatów z projektowania i malowania. Efektem będzie wspólny mural o Pogórzu, a ściana pozostanie dostępna dla kolejnych prac.',
    category: 'culture',
    location: 'Ściana przy boisku lub budynku gospodarczym na Pogórzu (do uzgodnienia)',
    beneficiaries: 'Młodzież w wieku 13–19 lat',
    costItems: [
      { label: 'Przygotowanie i gruntowanie ściany', amountZl: 3500 },
      { label: 'Warsztaty z artystami (8 spotkań)', amountZl: 6400 },
      { label: 'Farby, maski i materiały', amountZl: 4600 },
    ],
  },
  {
    key: 'pogorze-s-2',
    district: 'pogorze',
    pool: 'district_small',
    title: 'Bezpłatne czipowanie i szczepienie psów i kotów',
    summary:
      'Dwie akcje bezpłatnego czipowania zwierząt z rejestracją w bazie oraz szczepień przeciw wściekliźnie dla psów z Pogórza.',
    description:
      'Zaczipowane zwierzę, które się zgubi, szybko wraca do domu. Niestety wiele psów i kotów na Pogórzu nadal nie ma czipa.\n\nProponujemy dwie sobotnie akcje z lekarzem weterynarii: czipowanie z rejestracją w ogólnopolskiej bazie oraz szczepienia psów przeciw wściekliźnie. Przy okazji opiekunowie dostaną ulotki o odpowiedzialnej opiece nad zwierzętami.',
    category: 'animals',
    location: 'Mobilny punkt weterynaryjny na Pogórzu (parking przy ul. Porębskiego)',
    beneficiaries: 'Opiekunowie psów i kotów, zwierzęta domowe',
    costItems: [
      { label: 'Czipy z rejestracją (150 szt.)', amountZl: 6000 },
      { label: 'Szczepionki (80 dawek)', amountZl: 3200 },
      { label: 'Lekarz weterynarii i asystent (2 akcje)', amountZl: 2800 },
      { label: 'Ulotki i namiot', amountZl: 800 },
    ],
  },

  // ───────────────────────────── Pustki Cisowskie-Demptowo ─────────────────────────────
  {
    key: 'pustki-cisowskie-demptowo-l-1',
    district: 'pustki-cisowskie-demptowo',
    pool: 'district_large',
    title: 'Chodnik na ul. Demptowskiej – bezpiecznie do autobusu',
    summary:
      'Budowa chodnika wzdłuż ul. Demptowskiej, którą mieszkańcy idą dziś skrajem jezdni do przystanku i szkoły.',
    description:
      'Ulica Demptowska nie ma chodnika na dużej części długości. Mieszkańcy, w tym dzieci, idą poboczem, a samochody jeżdżą tu szybko. Zimą, gdy pobocze zasypuje śnieg, idzie się po prostu jezdnią.\n\nProponujemy budowę chodnika o długości ok. 450 m z odwodnieniem i przejściem dla pieszych przy przystanku autobusowym. To najpilniejsza potrzeba zgłaszana od lat przez mieszkańców Demptowa.',
    category: 'transport',
    location: 'ul. Demptowska, Pustki Cisowskie-Demptowo',
    beneficiaries: 'Mieszkańcy Demptowa, dzieci idące do szkoły, pasażerowie autobusów',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 34000 },
      { label: 'Budowa chodnika z odwodnieniem (ok. 450 m)', amountZl: 332000 },
      { label: 'Przejście dla pieszych przy przystanku', amountZl: 28000 },
    ],
  },
  {
    key: 'pustki-cisowskie-demptowo-l-2',
    district: 'pustki-cisowskie-demptowo',
    pool: 'district_large',
    title: 'Pierwsze miejsce spotkań w dzielnicy – boisko i plac zabaw',
    summary:
      'Na Pustkach Cisowskich i w Demptowie nie ma żadnego placu zabaw ani boiska. Proponujemy małe centrum rekreacji dla wszystkich mieszkańców.',
    description:
      'Nasza dzielnica jest rozległa, zielona i spokojna – ale dzieci nie mają gdzie się bawić, a dorośli nie mają gdzie się spotkać. Najbliższy plac zabaw jest kilka kilometrów stąd.\n\nProponujemy urządzenie małego centrum rekreacji: plac zabaw dla dzieci w różnym wieku, niewielkie boisko trawiaste z bramkami, wiata z ławkami i stołem, stojaki rowerowe oraz tablica ogłoszeń dla mieszkańców.\n\nTo będzie pierwsze takie miejsce w dzielnicy.',
    category: 'sport',
    location: 'Działka miejska w rejonie ul. Demptowskiej, Pustki Cisowskie-Demptowo',
    beneficiaries: 'Dzieci, rodziny i wszyscy mieszkańcy dzielnicy',
    costItems: [
      { label: 'Projekt i przygotowanie terenu', amountZl: 38000 },
      { label: 'Plac zabaw', amountZl: 142000 },
      { label: 'Boisko trawiaste z bramkami', amountZl: 46000 },
      { label: 'Wiata, ławki, stojaki i tablica ogłoszeń', amountZl: 34000 },
    ],
  },
  {
    key: 'pustki-cisowskie-demptowo-l-3',
    district: 'pustki-cisowskie-demptowo',
    pool: 'district_large',
    title: 'Wiaty przystankowe i oświetlenie przystanków w Demptowie',
    summary:
      'Montaż wiat z ławkami i rozkładami na czterech przystankach, które dziś są tylko słupkiem na poboczu, oraz doświetlenie ich nocą.',
    description:
      'Na kilku przystankach w Demptowie pasażerowie czekają na autobus na gołym poboczu, w deszczu i wietrze. Po zmroku kierowcy autobusów często ich nie zauważają.\n\nProponujemy montaż czterech wiat przystankowych z ławkami i gablotami na rozkład jazdy, utwardzenie peronów oraz montaż lamp solarnych, które oświetlą przystanki bez konieczności budowy sieci kablowej.',
    category: 'transport',
    location: 'Przystanki autobusowe przy ul. Demptowskiej',
    beneficiaries: 'Pasażerowie komunikacji miejskiej, uczniowie, seniorzy',
    costItems: [
      { label: 'Wiaty przystankowe (4 szt.) z montażem', amountZl: 76000 },
      { label: 'Utwardzenie peronów', amountZl: 42000 },
      { label: 'Lampy solarne (8 szt.)', amountZl: 36000 },
    ],
  },
  {
    key: 'pustki-cisowskie-demptowo-s-1',
    district: 'pustki-cisowskie-demptowo',
    pool: 'district_small',
    title: 'Sąsiedzki festyn dożynkowy w Demptowie',
    summary:
      'Festyn nawiązujący do rolniczych tradycji Demptowa: konkurs na wieniec, jarmark lokalnych produktów, zabawy dla dzieci i muzyka.',
    description:
      'Demptowo wciąż ma wiejski charakter, a wielu mieszkańców pamięta dawne dożynki. Chcemy wrócić do tej tradycji i spotkać się wszyscy razem pod koniec lata.\n\nW programie: konkurs na najpiękniejszy wieniec, jarmark z lokalnymi produktami, przejażdżki bryczką, zabawy dla dzieci i zabawa taneczna przy muzyce na żywo.',
    category: 'social',
    location: 'Teren rekreacyjny w Demptowie',
    beneficiaries: 'Mieszkańcy Pustek Cisowskich i Demptowa',
    costItems: [
      { label: 'Muzyka na żywo i nagłośnienie', amountZl: 5200 },
      { label: 'Namioty, ławki i stoły', amountZl: 3600 },
      { label: 'Animacje dla dzieci i bryczka', amountZl: 3000 },
      { label: 'Nagrody w konkursie i sprzątanie', amountZl: 1700 },
    ],
  },
  {
    key: 'pustki-cisowskie-demptowo-s-2',
    district: 'pustki-cisowskie-demptowo',
    pool: 'district_small',
    title: 'Czysty las wokół Demptowa – akcja sprzątania',
    summary:
      'Duża akcja sprzątania dzikich wysypisk w lasach otaczających dzielnicę, we współpracy z Nadleśnictwem i szkołami.',
    description:
      'W lasach wokół Demptowa i Pustek Cisowskich wciąż pojawiają się dzikie wysypiska: opony, gruz, stare meble. To zagrożenie dla przyrody i po prostu przykry widok.\n\nProponujemy akcję sprzątania z udziałem mieszkańców, szkół i leśników, z kontenerami i wywozem odpadów wielkogabarytowych, a w miejscach najczęstszego podrzucania śmieci – tablice ostrzegawcze i fotopułapkę.',
    category: 'green',
    location: 'Lasy wokół Demptowa i Pustek Cisowskich',
    beneficiaries: 'Mieszkańcy, spacerowicze, przyroda Trójmiejskiego Parku Krajobrazowego',
    costItems: [
      { label: 'Kontenery i wywóz odpadów', amountZl: 6800 },
      { label: 'Rękawice, worki i poczęstunek', amountZl: 1400 },
      { label: 'Tablice i fotopułapka', amountZl: 2600 },
    ],
  },

  // ───────────────────────────── Redłowo ─────────────────────────────
  {
    key: 'redlowo-l-1',
    district: 'redlowo',
    pool: 'district_large',
    title: 'Bezpieczne zejścia do lasu na Kępie Redłowskiej',
    summary:
      'Odnowa trzech zejść z osiedli do rezerwatu Kępa Redłowska: schody terenowe, poręcze, odwodnienie i tablice z mapą szlaków.',
    description:
      'Mieszkańcy Redłowa codziennie chodzą do lasu na Kępie Redłowskiej – na spacery, biegać, z psami. Zejścia z osiedli są jednak strome i rozmyte, a po deszczu bardzo śliskie.\n\nProponujemy odnowę trzech najczęściej używanych zejść: schody terenowe z poręczami, rowki odwadniające zapobiegające erozji i tablice z mapą szlaków oraz zasadami zachowania w rezerwacie.\n\nPrace zostaną przeprowadzone w porozumieniu z RDOŚ i Nadleśnictwem.',
    category: 'green',
    location: 'Zejścia do rezerwatu Kępa Redłowska od strony ul. Powstania Styczniowego',
    beneficiaries: 'Mieszkańcy Redłowa, spacerowicze, biegacze',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 22000 },
      { label: 'Schody terenowe z poręczami (3 zejścia)', amountZl: 138000 },
      { label: 'Odwodnienie i zabezpieczenie przed erozją', amountZl: 34000 },
      { label: 'Tablice z mapą szlaków', amountZl: 12000 },
    ],
  },
  {
    key: 'redlowo-l-2',
    district: 'redlowo',
    pool: 'district_large',
    title: 'Nowa bieżnia i skocznia przy szkole w Redłowie',
    summary:
      'Budowa 100-metrowej bieżni tartanowej z czterema torami i skoczni w dal przy szkole podstawowej, dostępnych także dla mieszkańców po lekcjach.',
    description:
      'Uczniowie szkoły w Redłowie ćwiczą biegi na asfaltowym placu i chodniku. Szkolne zawody lekkoatletyczne trzeba organizować w innych dzielnicach.\n\nProponujemy budowę czterotorowej bieżni prostej o długości 100 m z nawierzchnią poliuretanową oraz skoczni w dal z piaskownicą. Po lekcjach i w weekendy obiekt będzie dostępny dla wszystkich mieszkańców.',
    category: 'sport',
    location: 'Teren szkoły podstawowej w Redłowie (po uzgodnieniu z dyrekcją)',
    beneficiaries: 'Uczniowie, kluby sportowe, biegacze amatorzy',
    costItems: [
      { label: 'Projekt i podbudowa', amountZl: 88000 },
      { label: 'Nawierzchnia poliuretanowa bieżni', amountZl: 142000 },
      { label: 'Skocznia w dal', amountZl: 28000 },
      { label: 'Ławki i oznakowanie', amountZl: 8000 },
    ],
  },
  {
    key: 'redlowo-l-3',
    district: 'redlowo',
    pool: 'district_large',
    title: 'Strefa relaksu dla seniorów przy ul. Legionów',
    summary:
      'Zacieniona strefa odpoczynku z pergolą, ławkami z oparciami, stołami do gry w karty i szachy oraz rabatami sensorycznymi.',
    description:
      'W Redłowie mieszka wielu seniorów, którzy chętnie spędzaliby czas na świeżym powietrzu blisko domu. Brakuje jednak miejsc z ławkami w cieniu i stołami, przy których można zagrać w karty.\n\nProponujemy urządzenie strefy z pergolą porośniętą pnączami, wygodnymi ławkami z podłokietnikami, stołami do gier, rabatami z ziołami i roślinami pachnącymi oraz poidełkiem.',
    category: 'social',
    location: 'Skwer przy ul. Legionów, Redłowo',
    beneficiaries: 'Seniorzy, mieszkańcy Redłowa',
    costItems: [
      { label: 'Pergola z pnączami', amountZl: 36000 },
      { label: 'Ławki i stoły do gier', amountZl: 24000 },
      { label: 'Rabaty sensoryczne', amountZl: 12000 },
      { label: 'Poidełko i nawierzchnia', amountZl: 26000 },
    ],
  },
  {
    key: 'redlowo-s-1',
    district: 'redlowo',
    pool: 'district_small',
    title: 'Redłowo w obiektywie – warsztaty fotograficzne i wystawa',
    summary:
      'Warsztaty fotografii dla młodzieży i dorosłych zakończone plenerową wystawą zdjęć „Moje Redłowo” na ogrodzeniu szkoły.',
    description:
      'Chcemy zachęcić mieszkańców, by spojrzeli na swoją dzielnicę z nowej perspektywy. Proponujemy cykl ośmiu warsztatów z fotografem: kompozycja, światło, fotografia smartfonem, reportaż.\n\nUczestnicy wykonają zdjęcia Redłowa – od plaży po podwórka – a najlepsze pokażemy na plenerowej wystawie.',
    category: 'culture',
    location: 'Klub osiedlowy w Redłowie, wystawa przy ul. Powstania Styczniowego',
    beneficiaries: 'Młodzież i dorośli z Redłowa',
    costItems: [
      { label: 'Prowadzenie warsztatów (8 spotkań)', amountZl: 4800 },
      { label: 'Druk wielkoformatowy zdjęć', amountZl: 3600 },
      { label: 'Konstrukcja ekspozycji i montaż', amountZl: 1800 },
    ],
  },
  {
    key: 'redlowo-s-2',
    district: 'redlowo',
    pool: 'district_small',
    title: 'Dzień profilaktyki zdrowia – bezpłatne badania dla mieszkańców',
    summary:
      'Sobotnia akcja zdrowotna z pomiarem ciśnienia, cukru i cholesterolu, konsultacjami dietetyka i fizjoterapeuty oraz nauką samobadania piersi.',
    description:
      'Wiele osób odkłada badania profilaktyczne. Chcemy przyjść z nimi blisko domu – na jedną sobotę, w jedno miejsce.\n\nW programie: pomiary ciśnienia, glukozy i cholesterolu, konsultacje dietetyka i fizjoterapeuty, instruktaż samobadania piersi na fantomach oraz informacje o bezpłatnych programach badań NFZ.',
    category: 'health',
    location: 'Teren przy przychodni lub szkole w Redłowie',
    beneficiaries: 'Dorośli mieszkańcy Redłowa, seniorzy',
    costItems: [
      { label: 'Personel medyczny i konsultanci', amountZl: 5200 },
      { label: 'Paski testowe i materiały', amountZl: 2300 },
      { label: 'Namioty i organizacja', amountZl: 1500 },
    ],
  },

  // ───────────────────────────── Śródmieście ─────────────────────────────
  {
    key: 'srodmiescie-l-1',
    district: 'srodmiescie',
    pool: 'district_large',
    title: 'Więcej zieleni na ul. Świętojańskiej i 10 Lutego',
    summary:
      'Posadzenie drzew w dużych donicach i gruncie tam, gdzie pozwala na to infrastruktura podziemna, oraz zielone ławki wokół nich.',
    description:
      'Ulice Świętojańska i 10 Lutego to reprezentacyjne ulice Gdyni, ale latem są rozgrzanymi betonowymi korytarzami. Mieszkańcy i turyści szukają cienia, którego brakuje.\n\nProponujemy posadzenie 20 drzew – w gruncie tam, gdzie pozwalają na to sieci podziemne, a w pozostałych miejscach w dużych, estetycznych donicach z systemem nawadniania. Wokół części drzew staną ławki.\n\nSzczegółowe lokalizacje zostaną wyznaczone z Zarządem Dróg i Zieleni i Miejskim Konserwatorem Zabytków.',
    category: 'green',
    location: 'ul. Świętojańska i ul. 10 Lutego, Śródmieście',
    beneficiaries: 'Mieszkańcy Śródmieścia, przechodnie, turyści, lokalni przedsiębiorcy',
    costItems: [
      { label: 'Projekt i uzgodnienia', amountZl: 32000 },
      { label: 'Drzewa w gruncie z przygotowaniem stanowisk (10 szt.)', amountZl: 118000 },
      { label: 'Drzewa w donicach z nawadnianiem (10 szt.)', amountZl: 164000 },
      { label: 'Ławki wokół drzew', amountZl: 42000 },
    ],
  },
  {
    key: 'srodmiescie-l-2',
    district: 'srodmiescie',
    pool: 'district_large',
    title: 'Modernizacja placu zabaw przy ul. Żeromskiego',
    summary:
      'Wymiana urządzeń, nowa nawierzchnia i zacienienie na placu zabaw w centrum, z którego korzystają dzieci mieszkańców i turystów.',
    description:
      'W Śródmieściu mieszka coraz więcej rodzin z małymi dziećmi, a place zabaw są tu nieliczne i zużyte. Plac przy ul. Żeromskiego jest mocno oblegany, zwłaszcza latem.\n\nProponujemy wymianę urządzeń na nowe, w tym elementy dla dzieci z niepełnosprawnościami, położenie nawierzchni poliuretanowej, montaż żagli przeciwsłonecznych i poidełka.',
    category: 'sport',
    location: 'Plac zabaw przy ul. Żeromskiego, Śródmieście',
    beneficiaries: 'Dzieci z centrum Gdyni i ich opiekunowie',
    costItems: [
      { label: 'Demontaż i nowe urządzenia', amountZl: 132000 },
      { label: 'Nawierzchnia poliuretanowa', amountZl: 54000 },
      { label: 'Żagle przeciwsłoneczne', amountZl: 22000 },
      { label: 'Poidełko', amountZl: 16000 },
    ],
  },
  {
    key: 'srodmiescie-l-3',
    district: 'srodmiescie',
    pool: 'district_large',
    title: 'Centrum bez barier – rampy, krawężniki i mapa dostępności',
    summary:
      'Likwidacja barier dla osób na wózkach i z wózkami dziecięcymi: obniżenia krawężników, rampy przy budynkach publicznych i mapa dostępności online.',
    description:
      'Dla osób poruszających się na wózkach spacer po Śródmieściu bywa torem przeszkód: wysokie krawężniki, schody bez ramp, strome podjazdy.\n\nProponujemy audyt dostępności wykonany razem z osobami z niepełnosprawnościami, a następnie obniżenie 40 krawężników, montaż ramp przy wybranych budynkach użyteczności publicznej i opracowanie internetowej mapy dostępności centrum.',
    category: 'social',
    location: 'Śródmieście: ul. Starowiejska, ul. Abrahama, ul. 3 Maja i okolice',
    beneficiaries: 'Osoby z niepełnosprawnościami, seniorzy, rodzice z wózkami',
    costItems: [
      { label: 'Audyt dostępności', amountZl: 24000 },
      { label: 'Obniżenia krawężników (40 szt.)', amountZl: 136000 },
      { label: 'Rampy przy budynkach publicznych', amountZl: 98000 },
      { label: 'Mapa dostępności online', amountZl: 18000 },
    ],
  },
  {
    key: 'srodmiescie-s-1',
    district: 'srodmiescie',
    pool: 'district_small',
    title: 'Potańcówki na Skwerze Kościuszki',
    summary:
      'Cztery letnie potańcówki z orkiestrą grającą przeboje z lat 30. i 60., z krótką nauką kroków na początku każdego wieczoru.',
    description:
      'Gdynia od zawsze była miastem zabawy i muzyki. Proponujemy cztery letnie, plenerowe potańcówki na Skwerze Kościuszki z orkiestrą grającą przeboje z przedwojennej Gdyni i złotych lat 60.\n\nKażdy wieczór zacznie się od krótkiej nauki kroków z instruktorem, żeby nikt nie czuł się wykluczony. Zapraszamy wszystkie pokolenia.',
    category: 'culture',
    location: 'Skwer Kościuszki, Śródmieście',
    beneficiaries: 'Mieszkańcy Gdyni w każdym wieku, seniorzy, turyści',
    costItems: [
      { label: 'Orkiestra (4 wieczory)', amountZl: 11200 },
      { label: 'Nagłośnienie i parkiet', amountZl: 5600 },
      { label: 'Instruktor tańca', amountZl: 1600 },
    ],
  },
  {
    key: 'srodmiescie-s-2',
    district: 'srodmiescie',
    pool: 'district_small',
    title: 'Poidełko z wodą pitną przy Placu Kaszubskim',
    summary:
      'Montaż całorocznego poidełka z możliwością napełnienia butelki i misą dla psów, w miejscu, gdzie latem brakuje wody.',
    description:
      'Upały są coraz częstsze, a w centrum wciąż brakuje miejsc, gdzie można bezpłatnie napić się wody lub napełnić butelkę.\n\nProponujemy montaż poidełka z zaworem do napełniania butelek oraz niską misą dla psów w pobliżu Placu Kaszubskiego. To także sposób na ograniczenie plastikowych butelek.',
    category: 'health',
    location: 'Plac Kaszubski, Śródmieście',
    beneficiaries: 'Mieszkańcy, turyści, opiekunowie psów',
    costItems: [
      { label: 'Poidełko z funkcją napełniania butelek', amountZl: 9200 },
      { label: 'Przyłącze i montaż', amountZl: 8800 },
    ],
  },

  // ───────────────────────────── Wielki Kack ─────────────────────────────
  {
    key: 'wielki-kack-l-1',
    district: 'wielki-kack',
    pool: 'district_large',
    title: 'Droga rowerowa wzdłuż ul. Źródło Marii',
    summary:
      'Budowa wydzielonej drogi dla rowerów wzdłuż ul. Źródło Marii, łączącej Fikakowo z istniejącą trasą rowerową przy ul. Chwaszczyńskiej.',
    description:
      'Z Fikakowa i okolic ul. Źródło Marii coraz więcej osób chciałoby dojeżdżać rowerem do pracy i szkoły, ale ruchliwa, kręta ulica zniechęca nawet wprawnych rowerzystów.\n\nProponujemy budowę ok. 500 m drogi dla rowerów z nawierzchnią asfaltową, oddzielonej od jezdni pasem zieleni, wraz z przejazdami rowerowymi przez skrzyżowania. Trasa połączy się z istniejącą infrastrukturą przy ul. Chwaszczyńskiej.',
    category: 'transport',
    location: 'ul. Źródło Marii, Wielki Kack',
    beneficiaries: 'Rowerzyści, uczniowie, mieszkańcy Fikakowa',
    costItems: [
      { label: 'Dokumentacja projektowa', amountZl: 38000 },
      { label: 'Budowa drogi dla rowerów (ok. 500 m)', amountZl: 312000 },
      { label: 'Przejazdy rowerowe i oznakowanie', amountZl: 46000 },
    ],
  },
  {
    key: 'wielki-kack-l-2',
    district: 'wielki-kack',
    pool: 'district_large',
    title: 'Zielony zakątek przy źródle w Wielkim Kacku',
    summary:
      'Uporządkowanie terenu wokół źródła: kładka, ławki, tablica historyczna, nasadzenia roślin wodolubnych i odnowa ścieżki spacerowej.',
    description:
      'Źródło, od którego nazwę wzięła ulica Źródło Marii, jest ważnym miejscem dla mieszkańców Wielkiego Kacka, ale jego otoczenie jest zaniedbane: ścieżka zarasta, a jedyna ławka jest połamana.\n\nProponujemy odnowę ścieżki spacerowej, budowę niewielkiej drewnianej kładki, ustawienie ławek, nasadzenia roślin wodolubnych oraz tablicę opowiadającą historię tego miejsca.',
    category: 'green',
    location: 'Okolice źródła przy ul. Źródło Marii, Wielki Kack',
    beneficiaries: 'Spacerowicze, mieszkańcy Wielkiego Kacka, seniorzy',
    costItems: [
      { label: 'Projekt i uzgodnienia wodnoprawne', amountZl: 18000 },
      { label: 'Odnowa ścieżki i kładka', amountZl: 58000 },
      { label: 'Ławki, tablica historyczna i kosze', amountZl: 14000 },
      { label: 'Nasadzenia roślin wodolubnych', amountZl: 12000 },
    ],
  },
  {
    key: 'wielki-kack-l-3',
    district: 'wielki-kack',
    pool: 'district_large',
    title: 'Plac zabaw i strefa młodzieżowa na Fikakowie',
    summary:
      'Plac zabaw dla młodszych dzieci i osobna strefa dla nastolatków z hamakami, siedziskami i stołem do ping-ponga.',
    description:
      'Fikakowo to osiedle pełne rodzin z dziećmi. Istniejący plac zabaw jest za mały, a nastolatkowie nie mają żadnego swojego miejsca – siedzą na schodach klatek schodowych.\n\nProponujemy rozbudowę placu zabaw o nowe urządzenia oraz stworzenie obok strefy młodzieżowej: zadaszone siedziska, hamaki, stół do ping-ponga i gniazdka USB zasilane panelem słonecznym. Projekt strefy przygotujemy razem z młodzieżą z osiedla.',
    category: 'sport',
    location: 'Osiedle Fikakowo, Wielki Kack',
    beneficiaries: 'Dzieci i młodzież z Fikakowa',
    costItems: [
      { label: 'Nowe urządzenia placu zabaw', amountZl: 96000 },
      { label: 'Strefa młodzieżowa z zadaszeniem', amountZl: 64000 },
      { label: 'Stół do ping-ponga i ładowarka solarna', amountZl: 16000 },
      { label: 'Nawierzchnia i ławki', amountZl: 48000 },
    ],
  },
  {
    key: 'wielki-kack-s-1',
    district: 'wielki-kack',
    pool: 'district_small',
    title: 'Leśne soboty – warsztaty przyrodnicze dla rodzin',
    summary:
      'Sześć sobotnich wypraw do lasów Trójmiejskiego Parku Krajobrazowego z edukatorem: tropy zwierząt, rozpoznawanie drzew, budowa szałasów.',
    description:
      'Wielki Kack graniczy z pięknymi lasami, ale wiele rodzin nie wie, jak ciekawie spędzić w nich czas z dziećmi.\n\nProponujemy sześć wypraw z edukatorem przyrodniczym – każda na inny temat: ptaki, tropy zwierząt, grzyby, drzewa, życie w strumieniu i leśna survivalowa przygoda. Dla uczestników przygotujemy karty obserwacji i lupy.',
    category: 'education',
    location: 'Zbiórka przy ul. Źródło Marii, trasy w lasach TPK',
    beneficiaries: 'Rodziny z dziećmi w wieku 5–12 lat',
    costItems: [
      { label: 'Edukator przyrodniczy (6 wypraw)', amountZl: 4200 },
      { label: 'Lupy, karty obserwacji i lornetki', amountZl: 1900 },
      { label: 'Ubezpieczenie i promocja', amountZl: 700 },
    ],
  },
  {
    key: 'wielki-kack-s-2',
    district: 'wielki-kack',
    pool: 'district_small',
    title: 'Budki dla jerzyków i nietoperzy na blokach',
    summary:
      'Montaż 50 budek dla jerzyków i 20 schronień dla nietoperzy na budynkach wielorodzinnych – naturalnych sprzymierzeńców w walce z komarami.',
    description:
      'Jerzyki i nietoperze tracą miejsca gniazdowania w wyniku ocieplania budynków. A przecież to właśnie one zjadają ogromne ilości komarów.\n\nProponujemy montaż budek na budynkach, których zarządcy wyrażą zgodę, z pomocą ornitologa i ekipy alpinistycznej. Mieszkańcy dostaną ulotki, jak rozpoznać i chronić te zwierzęta.',
    category: 'animals',
    location: 'Budynki wielorodzinne w rejonie ul. Chwaszczyńskiej, Wielki Kack',
    beneficiaries: 'Mieszkańcy, jerzyki i nietoperze',
    costItems: [
      { label: 'Budki dla jerzyków (50 szt.)', amountZl: 5500 },
      { label: 'Schronienia dla nietoperzy (20 szt.)', amountZl: 2400 },
      { label: 'Montaż alpinistyczny z ornitologiem', amountZl: 6800 },
      { label: 'Ulotki edukacyjne', amountZl: 500 },
    ],
  },

  // ───────────────────────────── Witomino ─────────────────────────────
  {
    key: 'witomino-l-1',
    district: 'witomino',
    pool: 'district_large',
    title: 'Tor rolkowy i pumptrack przy polanie na ul. Nauczycielskiej',
    summary:
      'Budowa asfaltowej pętli rolkowej i małego pumptracku obok polany rekreacyjnej – dla dzieci na rowerkach biegowych i nastolatków na rolkach.',
    description:
      'Polana przy ul. Nauczycielskiej stała się ulubionym miejscem spotkań mieszkańców Witomina. Brakuje tu jednak miejsca do jazdy na rolkach, hulajnogach i rowerach – dzieci jeżdżą po alejkach, między spacerowiczami.\n\nProponujemy budowę asfaltowej pętli rolkowej o długości ok. 250 m z łagodnymi łukami oraz małego pumptracku dla dzieci. Przy torze staną ławki i stojaki rowerowe.',
    category: 'sport',
    location: 'Okolice polany rekreacyjnej przy ul. Nauczycielskiej, Witomino',
    beneficiaries: 'Dzieci, młodzież i rodziny z Witomina',
    costItems: [
      { label: 'Projekt', amountZl: 18000 },
      { label: 'Pętla rolkowa (ok. 250 m)', amountZl: 164000 },
      { label: 'Mały pumptrack', amountZl: 112000 },
      { label: 'Ławki i stojaki rowerowe', amountZl: 12000 },
    ],
  },
  {
    key: 'witomino-l-2',
    district: 'witomino',
    pool: 'district_large',
    title: 'Odnowa stawu na Witominie z pomostem widokowym',
    summary:
      'Odmulenie i umocnienie brzegów stawu, drewniany pomost widokowy, ławki i nasadzenia roślin przybrzeżnych.',
    description:
      'Staw na Starym Witominie to miejsce z historią – przez lata był centrum życia tej części dzielnicy. Dziś jest zamulony, brzegi się osuwają, a woda latem zakwita.\n\nProponujemy odmulenie stawu, umocnienie brzegów metodami naturalnymi (faszyna, rośliny przybrzeżne), budowę drewnianego pomostu widokowego oraz ustawienie ławek wokół.\n\nOdnowiony staw będzie zatrzymywał wodę opadową i stanie się siedliskiem płazów i ptaków wodnych.',
    category: 'green',
    location: 'Staw w rejonie ul. Stawnej, Witomino',
    beneficiaries: 'Mieszkańcy Witomina, spacerowicze, przyroda',
    costItems: [
      { label: 'Projekt i pozwolenie wodnoprawne', amountZl: 32000 },
      { label: 'Odmulenie stawu', amountZl: 128000 },
      { label: 'Umocnienie brzegów i roślinność', amountZl: 74000 },
      { label: 'Pomost widokowy i ławki', amountZl: 58000 },
    ],
  },
  {
    key: 'witomino-l-3',
    district: 'witomino',
    pool: 'district_large',
    title: 'Uspokojenie ruchu na ul. Chwarznieńskiej przy przejściach na Witominie',
    summary:
      'Azyle dla pieszych, doświetlenie przejść i wyświetlacze prędkości na odcinku ul. Chwarznieńskiej przebiegającym przez Witomino.',
    description:
      'Ulica Chwarznieńska to szeroka i prosta droga, na której kierowcy często jadą znacznie szybciej, niż pozwalają przepisy. Piesi przechodzący do przystanków czy sklepów muszą pokonać kilka pasów ruchu.\n\nProponujemy budowę azyli na dwóch przejściach, doświetlenie czterech przejść oraz montaż wyświetlaczy prędkości. Rozwiązania zostaną uzgodnione z Zarządem Dróg i Zieleni.',
    category: 'safety',
    location: 'ul. Chwarznieńska, odcinek na Witominie',
    beneficiaries: 'Piesi, pasażerowie komunikacji, uczniowie',
    costItems: [
      { label: 'Projekt organizacji ruchu', amountZl: 22000 },
      { label: 'Azyle dla pieszych (2 szt.)', amountZl: 116000 },
      { label: 'Doświetlenie 4 przejść', amountZl: 124000 },
      { label: 'Wyświetlacze prędkości (2 szt.)', amountZl: 34000 },
    ],
  },
  {
    key: 'witomino-s-1',
    district: 'witomino',
    pool: 'district_small',
    title: 'Cyfrowy senior – indywidualne konsultacje z młodzieżą',
    summary:
      'Cotygodniowe dyżury, podczas których przeszkoleni licealiści pomagają seniorom w obsłudze telefonów, e-recept, bankowości i e-usług.',
    description:
      'Seniorzy często mają konkretne pytania: jak odebrać e-receptę, zapłacić rachunek przez internet, wysłać zdjęcie wnukom. Nie potrzebują kursu, tylko cierpliwej osoby, która pokaże krok po kroku.\n\nProponujemy cotygodniowe dyżury przez cały rok szkolny, na których przeszkoleni wolontariusze z liceów pomogą seniorom indywidualnie. Koordynator zadba o bezpieczeństwo i szkolenie wolontariuszy, m.in. z rozpoznawania oszustw.',
    category: 'education',
    location: 'Filia Biblioteki Gdynia na Witominie',
    beneficiaries: 'Seniorzy z Witomina, młodzież-wolontariusze',
    costItems: [
      { label: 'Koordynator programu (10 miesięcy)', amountZl: 6000 },
      { label: 'Szkolenie wolontariuszy', amountZl: 1800 },
      { label: 'Tablety do ćwiczeń (2 szt.)', amountZl: 2400 },
      { label: 'Poradnik „Smartfon krok po kroku”', amountZl: 800 },
    ],
  },
  {
    key: 'witomino-s-2',
    district: 'witomino',
    pool: 'district_small',
    title: 'Spacery historyczne „Od Chińskiej Dzielnicy do Radiostacji”',
    summary:
      'Cykl spacerów i spotkań o historii Witomina, w tym przesiedleniu mieszkańców tzw. Chińskiej Dzielnicy w latach 30., z wydaniem okolicznościowej mapy.',
    description:
      'Witomino wygląda na młodą dzielnicę, ale ma bardzo bogatą historię – od średniowiecznej osady, przez przesiedlenie mieszkańców tzw. Chińskiej Dzielnicy spod portu, po czasy Radiostacji.\n\nProponujemy cykl sześciu spacerów z historykami i najstarszymi mieszkańcami oraz wydanie ilustrowanej mapy historycznej dzielnicy, rozdawanej bezpłatnie w bibliotece i szkołach.',
    category: 'culture',
    location: 'Stare Witomino, rejon ul. Poprzecznej i ul. Stawnej',
    beneficiaries: 'Mieszkańcy Witomina, uczniowie, miłośnicy historii Gdyni',
    costItems: [
      { label: 'Przewodnicy i prelegenci (6 spacerów)', amountZl: 3600 },
      { label: 'Opracowanie i ilustracje mapy', amountZl: 4200 },
      { label: 'Druk mapy (2000 egz.)', amountZl: 2800 },
    ],
  },

  // ───────────────────────────── Wzgórze Św. Maksymiliana ─────────────────────────────
  {
    key: 'wzgorze-sw-maksymiliana-l-1',
    district: 'wzgorze-sw-maksymiliana',
    pool: 'district_large',
    title: 'Remont schodów między ul. Wolności a ul. Śląską',
    summary:
      'Kompleksowy remont zniszczonych schodów łączących dwie części dzielnicy, z nowymi poręczami, oświetleniem i rynną dla wózków.',
    description:
      'Wzgórze Św. Maksymiliana jest pagórkowate, a schody między ulicami to codzienna trasa wielu mieszkańców – do przychodni, na przystanek SKM i do sklepów. Stopnie są pokruszone, a poręcze zardzewiałe.\n\nProponujemy remont schodów z wymianą stopni, nowymi poręczami po obu stronach (na dwóch wysokościach – także dla dzieci), rynną do prowadzenia wózka lub roweru i oświetleniem LED.',
    category: 'infrastructure',
    location: 'Schody między ul. Wolności a ul. Śląską, Wzgórze Św. Maksymiliana',
    beneficiaries: 'Piesi, seniorzy, rodzice z wózkami',
    costItems: [
      { label: 'Projekt i rozbiórka', amountZl: 32000 },
      { label: 'Nowe stopnie i spoczniki', amountZl: 146000 },
      { label: 'Poręcze i rynna dla wózków', amountZl: 38000 },
      { label: 'Oświetlenie LED', amountZl: 44000 },
    ],
  },
  {
    key: 'wzgorze-sw-maksymiliana-l-2',
    district: 'wzgorze-sw-maksymiliana',
    pool: 'district_large',
    title: 'Ogrody deszczowe przy ul. Warszawskiej',
    summary:
      'Trzy ogrody deszczowe i niecki chłonne, które zatrzymają wodę spływającą ze wzgórza i zmniejszą podtopienia w dolnej części ulicy.',
    description:
      'Podczas ulew woda spływa ze wzgórza ulicami i zalewa dolną część ul. Warszawskiej, wlewając się do piwnic i na przystanki. Kanalizacja deszczowa nie nadąża.\n\nProponujemy budowę trzech ogrodów deszczowych w pasach zieleni oraz niecek chłonnych, które zatrzymają i wchłoną część wody. Obsadzimy je roślinami odpornymi zarówno na zalewanie, jak i na suszę.\n\nTo rozwiązanie nie tylko praktyczne, ale też piękne – ogrody będą kwitnąć od wiosny do jesieni.',
    category: 'green',
    location: 'Pasy zieleni przy ul. Warszawskiej, Wzgórze Św. Maksymiliana',
    beneficiaries: 'Mieszkańcy ul. Warszawskiej i okolic, piesi',
    costItems: [
      { label: 'Projekt hydrologiczny', amountZl: 26000 },
      { label: 'Ogrody deszczowe (3 szt.)', amountZl: 112000 },
      { label: 'Niecki chłonne', amountZl: 46000 },
      { label: 'Roślinność z pielęgnacją', amountZl: 22000 },
    ],
  },
  {
    key: 'wzgorze-sw-maksymiliana-l-3',
    district: 'wzgorze-sw-maksymiliana',
    pool: 'district_large',
    title: 'Plac zabaw „Na Wzgórzu” ze zjeżdżalnią w skarpie',
    summary:
      'Plac zabaw wykorzystujący naturalne ukształtowanie terenu: zjeżdżalnia wbudowana w skarpę, ścianka wspinaczkowa i linarium.',
    description:
      'Nasza dzielnica jest pełna skarp i pagórków. Zamiast z nimi walczyć, wykorzystajmy je! Proponujemy plac zabaw, w którym zjeżdżalnia jest wbudowana w zbocze, a na górę prowadzi ścianka wspinaczkowa i schody z pni.\n\nNa płaskiej części staną linarium, huśtawki i piaskownica. Wszystko z bezpieczną nawierzchnią i ławkami dla opiekunów.',
    category: 'sport',
    location: 'Skarpa przy ul. Śląskiej, Wzgórze Św. Maksymiliana',
    beneficiaries: 'Dzieci w wieku 3–12 lat i ich opiekunowie',
    costItems: [
      { label: 'Projekt i wyprofilowanie skarpy', amountZl: 42000 },
      { label: 'Zjeżdżalnia w skarpie i ścianka wspinaczkowa', amountZl: 86000 },
      { label: 'Linarium, huśtawki i piaskownica', amountZl: 78000 },
      { label: 'Nawierzchnia bezpieczna i ławki', amountZl: 54000 },
    ],
  },
  {
    key: 'wzgorze-sw-maksymiliana-s-1',
    district: 'wzgorze-sw-maksymiliana',
    pool: 'district_small',
    title: 'Zdrowy kręgosłup – gimnastyka dla seniorów',
    summary:
      'Dwa razy w tygodniu przez osiem miesięcy zajęcia gimnastyki korekcyjnej z fizjoterapeutą dla seniorów z dzielnicy.',
    description:
      'Bóle kręgosłupa i stawów to codzienność wielu starszych osób. Regularne, dobrze dobrane ćwiczenia mogą znacznie poprawić samopoczucie i sprawność.\n\nProponujemy zajęcia w małych grupach prowadzone przez fizjoterapeutę, z ćwiczeniami na matach i piłkach. Zakupiony sprzęt pozostanie do dalszego użytku.',
    category: 'health',
    location: 'Sala w szkole lub klubie na Wzgórzu Św. Maksymiliana',
    beneficiaries: 'Seniorzy z Wzgórza Św. Maksymiliana',
    costItems: [
      { label: 'Fizjoterapeuta (64 zajęcia)', amountZl: 9600 },
      { label: 'Maty, piłki i taśmy', amountZl: 2200 },
      { label: 'Wynajem sali', amountZl: 3200 },
    ],
  },
  {
    key: 'wzgorze-sw-maksymiliana-s-2',
    district: 'wzgorze-sw-maksymiliana',
    pool: 'district_small',
    title: 'Sąsiedzkie śniadanie na trawie',
    summary:
      'Wielkie wspólne śniadanie sąsiedzkie w plenerze – każdy przynosi coś od siebie, a my zapewniamy stoły, kawę, muzykę i zabawy dla dzieci.',
    description:
      'Mieszkamy obok siebie latami i często nie znamy imion sąsiadów. Proponujemy czerwcowe śniadanie na trawie, na które każdy przynosi coś do wspólnego stołu.\n\nZapewnimy stoły, ławki, kawę i herbatę, muzykę akustyczną oraz animacje dla dzieci. Chcemy, żeby to wydarzenie stało się tradycją dzielnicy.',
    category: 'social',
    location: 'Teren zielony przy ul. Śląskiej, Wzgórze Św. Maksymiliana',
    beneficiaries: 'Wszyscy mieszkańcy dzielnicy',
    costItems: [
      { label: 'Wynajem stołów, ławek i namiotów', amountZl: 3400 },
      { label: 'Kawa, herbata i woda', amountZl: 900 },
      { label: 'Muzyka akustyczna', amountZl: 1800 },
      { label: 'Animacje dla dzieci', amountZl: 1600 },
    ],
  },

  // ───────────────────────────── Projekty ogólnomiejskie ─────────────────────────────
  {
    key: 'city-1',
    district: null,
    pool: 'city',
    title: 'Tysiąc drzew dla Gdyni',
    summary:
      'Posadzenie 1000 drzew przy ulicach, szkołach i na osiedlach we wszystkich dzielnicach, z trzyletnią pielęgnacją i mapą nasadzeń online.',
    description:
      'Drzewa to najtańszy klimatyzator, jaki zna ludzkość. Dają cień, obniżają temperaturę w upalne dni, zatrzymują pył i wodę opadową. W wielu miejscach Gdyni wciąż ich brakuje, a część starych drzew trzeba było usunąć.\n\nProponujemy posadzenie 1000 drzew w lokalizacjach wskazanych przez mieszkańców i rady dzielnic, z przewagą gatunków rodzimych i odpornych na suszę. Każde drzewo dostanie osłonę, worek nawadniający i trzyletnią pielęgnację.\n\nWszystkie nasadzenia trafią na publiczną mapę online, na której mieszkańcy będą mogli zgłaszać, że drzewo potrzebuje podlania.',
    category: 'green',
    location: 'Cała Gdynia – lokalizacje wskazane przez mieszkańców i rady dzielnic',
    beneficiaries: 'Wszyscy mieszkańcy Gdyni',
    costItems: [
      { label: 'Materiał szkółkarski (1000 drzew)', amountZl: 520000 },
      { label: 'Przygotowanie stanowisk i sadzenie', amountZl: 310000 },
      { label: 'Pielęgnacja przez 3 lata', amountZl: 360000 },
      { label: 'Mapa nasadzeń online', amountZl: 30000 },
    ],
  },
  {
    key: 'city-2',
    district: null,
    pool: 'city',
    title: 'Gdynia ratuje życie – 40 defibrylatorów AED i kursy pierwszej pomocy',
    summary:
      'Montaż 40 całodobowo dostępnych defibrylatorów AED w przestrzeni publicznej wszystkich dzielnic oraz 100 bezpłatnych kursów pierwszej pomocy.',
    description:
      'W przypadku nagłego zatrzymania krążenia każda minuta bez pomocy zmniejsza szanse przeżycia. Defibrylator AED może użyć każdy, nawet bez przeszkolenia – urządzenie samo podpowiada, co robić.\n\nProponujemy montaż 40 defibrylatorów w ogrzewanych, całodobowo dostępnych szafkach – przy przystankach SKM, na placach, przy plażach i w dzielnicach oddalonych od szpitali. Urządzenia zostaną zgłoszone do ogólnopolskiej mapy AED.\n\nRównolegle zorganizujemy 100 bezpłatnych kursów pierwszej pomocy w dzielnicach, żeby jak najwięcej gdynian wiedziało, jak zareagować.',
    category: 'health',
    location: 'Przestrzeń publiczna we wszystkich 21 dzielnicach Gdyni',
    beneficiaries: 'Wszyscy mieszkańcy i goście Gdyni',
    costItems: [
      { label: 'Defibrylatory AED (40 szt.)', amountZl: 260000 },
      { label: 'Ogrzewane szafki z montażem i zasilaniem', amountZl: 180000 },
      { label: 'Serwis i wymiana elektrod przez 3 lata', amountZl: 60000 },
      { label: 'Kursy pierwszej pomocy (100 kursów)', amountZl: 90000 },
    ],
  },
  {
    key: 'city-3',
    district: null,
    pool: 'city',
    title: 'Wsparcie dla Schroniska Ciapkowo i program sterylizacji',
    summary:
      'Budowa nowych ocieplonych boksów w Schronisku Ciapkowo, wyposażenie gabinetu weterynaryjnego i bezpłatna sterylizacja 800 psów i kotów.',
    description:
      'Gdyńskie Schronisko dla Bezdomnych Zwierząt „Ciapkowo” każdego roku przyjmuje setki zwierząt. Część boksów wymaga wymiany, a gabinet weterynaryjny – nowego sprzętu.\n\nProponujemy budowę 12 nowych, ocieplonych boksów dla psów, doposażenie gabinetu (aparat USG, stół operacyjny, sprzęt do anestezji) oraz sfinansowanie bezpłatnej sterylizacji i kastracji 800 psów i kotów, których opiekunowie mieszkają w Gdyni.\n\nSterylizacja to najskuteczniejszy sposób na ograniczenie bezdomności zwierząt – mniej niechcianych miotów to mniej zwierząt w schronisku.',
    category: 'animals',
    location: 'Schronisko Ciapkowo, ul. Małokacka, oraz gabinety weterynaryjne w całej Gdyni',
    beneficiaries: 'Bezdomne zwierzęta, opiekunowie psów i kotów, wolontariusze',
    costItems: [
      { label: 'Ocieplone boksy dla psów (12 szt.)', amountZl: 216000 },
      { label: 'Wyposażenie gabinetu weterynaryjnego', amountZl: 124000 },
      { label: 'Sterylizacja i kastracja 800 zwierząt', amountZl: 280000 },
      { label: 'Kampania informacyjna', amountZl: 20000 },
    ],
  },
  {
    key: 'city-4',
    district: null,
    pool: 'city',
    title: 'Widoczny pieszy – doświetlenie 30 przejść dla pieszych w całym mieście',
    summary:
      'Dedykowane oświetlenie 30 najbardziej niebezpiecznych przejść dla pieszych w Gdyni, wytypowanych na podstawie danych o wypadkach i zgłoszeń mieszkańców.',
    description:
      'Najwięcej potrąceń pieszych zdarza się po zmroku, na przejściach bez sygnalizacji. Kierowca widzi pieszego za późno, zwłaszcza jesienią i zimą, gdy jest ciemno i mokro.\n\nProponujemy doświetlenie 30 przejść w całej Gdyni lampami dedykowanymi, które oświetlają pieszego od strony nadjeżdżającego pojazdu. Lista przejść powstanie na podstawie statystyk policji i zgłoszeń mieszkańców.\n\nTo rozwiązanie sprawdzone w wielu polskich miastach – po doświetleniu liczba wypadków na przejściach spada nawet o połowę.',
    category: 'safety',
    location: 'Wytypowane przejścia dla pieszych w różnych dzielnicach Gdyni',
    beneficiaries: 'Piesi, szczególnie dzieci i seniorzy, kierowcy',
    costItems: [
      { label: 'Analiza bezpieczeństwa i projekty', amountZl: 96000 },
      { label: 'Oświetlenie dedykowane (30 przejść)', amountZl: 1020000 },
      { label: 'Znaki aktywne na 8 przejściach', amountZl: 104000 },
    ],
  },
  {
    key: 'city-5',
    district: null,
    pool: 'city',
    title: 'Kino Letnie w Dzielnicach',
    summary:
      'Przez całe wakacje 21 bezpłatnych seansów filmowych pod gołym niebem – po jednym w każdej dzielnicy Gdyni, z repertuarem wybranym przez mieszkańców.',
    description:
      'Kino plenerowe to wspaniały pretekst, by wyjść z domu i spotkać sąsiadów. Do tej pory takie seanse odbywały się głównie w centrum.\n\nProponujemy, żeby w każdej z 21 dzielnic odbył się co najmniej jeden seans. Repertuar wybiorą mieszkańcy w głosowaniu online, a przed filmami wystąpią lokalni artyści i odbędą się krótkie zabawy dla dzieci. Seanse będą miały napisy dla osób niesłyszących, a część – audiodeskrypcję.',
    category: 'culture',
    location: 'Parki, boiska i skwery we wszystkich 21 dzielnicach Gdyni',
    beneficiaries: 'Mieszkańcy wszystkich dzielnic, rodziny z dziećmi',
    costItems: [
      { label: 'Ekran, projekcja i nagłośnienie (21 seansów)', amountZl: 126000 },
      { label: 'Licencje filmowe', amountZl: 42000 },
      { label: 'Napisy i audiodeskrypcja', amountZl: 18000 },
      { label: 'Animacje, występy lokalnych artystów i promocja', amountZl: 34000 },
    ],
  },
  {
    key: 'city-6',
    district: null,
    pool: 'city',
    title: 'Rowerowa Gdynia – stacje naprawy i 500 stojaków',
    summary:
      'Montaż 25 samoobsługowych stacji naprawy rowerów z pompkami i narzędziami oraz 500 stojaków rowerowych przy szkołach, przychodniach i przystankach.',
    description:
      'Coraz więcej gdynian jeździ na rowerach, ale wciąż brakuje miejsc, gdzie można bezpiecznie przypiąć rower, i punktów, gdzie można dopompować koło czy dokręcić hamulec.\n\nProponujemy 25 stacji naprawy rowerów (pompka, zestaw kluczy na linkach, stojak serwisowy) rozmieszczonych wzdłuż głównych tras rowerowych oraz 500 stojaków typu „U” przy szkołach, przychodniach, bibliotekach i węzłach przesiadkowych.\n\nLokalizacje zaproponują mieszkańcy na mapie online.',
    category: 'transport',
    location: 'Trasy rowerowe, szkoły, przychodnie i węzły przesiadkowe w całej Gdyni',
    beneficiaries: 'Rowerzyści, uczniowie, osoby dojeżdżające do pracy',
    costItems: [
      { label: 'Stacje naprawy rowerów (25 szt.)', amountZl: 175000 },
      { label: 'Stojaki rowerowe (500 szt.)', amountZl: 200000 },
      { label: 'Montaż i utwardzenie nawierzchni', amountZl: 150000 },
      { label: 'Konsultacje lokalizacji i mapa online', amountZl: 15000 },
    ],
  },
  {
    key: 'city-7',
    district: null,
    pool: 'city',
    title: 'Senior w ruchu – bezpłatne zajęcia we wszystkich dzielnicach',
    summary:
      'Całoroczny program zajęć ruchowych dla osób 60+: joga na krześle, nordic walking, aqua aerobik i taniec – w każdej dzielnicy, blisko domu.',
    description:
      'Aktywność fizyczna to najlepsze lekarstwo na samotność i choroby wieku podeszłego. Wielu seniorów nie korzysta z zajęć, bo są za drogie albo za daleko.\n\nProponujemy program, w ramach którego w każdej dzielnicy co tydzień odbywać się będą bezpłatne zajęcia ruchowe prowadzone przez fizjoterapeutów i instruktorów. Do wyboru: joga na krześle, nordic walking, gimnastyka, taniec, a na basenach miejskich – aqua aerobik.\n\nProgram będzie koordynowany z Centrum Aktywności Seniora, a zapisy prowadzone telefonicznie i przez internet.',
    category: 'social',
    location: 'Szkoły, kluby osiedlowe, baseny i parki we wszystkich dzielnicach Gdyni',
    beneficiaries: 'Seniorzy 60+ z całej Gdyni',
    costItems: [
      { label: 'Wynagrodzenia instruktorów i fizjoterapeutów', amountZl: 312000 },
      { label: 'Wynajem sal i basenów', amountZl: 96000 },
      { label: 'Sprzęt (maty, kijki, piłki)', amountZl: 38000 },
      { label: 'Koordynacja i infolinia zapisów', amountZl: 54000 },
    ],
  },
  {
    key: 'city-8',
    district: null,
    pool: 'city',
    title: 'Każde dziecko umie pływać – nauka pływania dla uczniów klas 2',
    summary:
      'Bezpłatny kurs nauki pływania dla wszystkich uczniów klas drugich gdyńskich szkół podstawowych, z dowozem na basen i opieką instruktorów.',
    description:
      'Gdynia to miasto nad morzem, a wciąż wiele dzieci nie umie pływać. To nie tylko kwestia sportu, ale przede wszystkim bezpieczeństwa.\n\nProponujemy, by każdy uczeń klasy drugiej w gdyńskich szkołach podstawowych wziął udział w 20-godzinnym kursie pływania w ramach zajęć szkolnych. Zapewnimy instruktorów, transport autokarowy na basen i opiekę.\n\nNa zakończenie każde dziecko otrzyma dyplom i kartę pływacką.',
    category: 'sport',
    location: 'Baseny miejskie w Gdyni, szkoły podstawowe we wszystkich dzielnicach',
    beneficiaries: 'Uczniowie klas 2 szkół podstawowych (ok. 2300 dzieci)',
    costItems: [
      { label: 'Instruktorzy pływania', amountZl: 414000 },
      { label: 'Wynajem torów basenowych', amountZl: 276000 },
      { label: 'Transport autokarowy', amountZl: 230000 },
      { label: 'Ubezpieczenie, dyplomy i koordynacja', amountZl: 48000 },
    ],
  },

  // ───────────────────────────── Budżet młodzieżowy ─────────────────────────────
  {
    key: 'youth-1',
    district: null,
    pool: 'youth',
    title: 'Światło na skateparku – jeździmy też po szkole',
    summary:
      'Oświetlenie skateparku, żeby jesienią i zimą dało się z niego korzystać po lekcjach, a nie tylko w weekendy.',
    description:
      'Od października do marca po szkole jest już ciemno i skatepark pustoszeje. Jeździmy wtedy po ulicach i parkingach, co jest dużo bardziej niebezpieczne.\n\nChcemy, żeby na skateparku pojawiły się lampy LED z włącznikiem czasowym (np. do 21:00), żeby nie przeszkadzać sąsiadom. Pomysł przegadaliśmy z ekipą, która jeździ tam codziennie, i wszyscy są za.',
    category: 'sport',
    location: 'Skatepark w Gdyni (lokalizacja do uzgodnienia z Gdyńskim Centrum Sportu)',
    beneficiaries: 'Młodzież jeżdżąca na deskach, rolkach, hulajnogach i BMX',
    costItems: [
      { label: 'Lampy LED na masztach (6 szt.)', amountZl: 31000 },
      { label: 'Zasilanie i sterownik czasowy', amountZl: 14000 },
    ],
  },
  {
    key: 'youth-2',
    district: null,
    pool: 'youth',
    title: 'Sala e-sportowa w Wymiennikowni',
    summary:
      'Stanowiska do gier z porządnymi komputerami, w których młodzież może trenować, organizować turnieje i uczyć się streamingu.',
    description:
      'Dla wielu z nas e-sport to pasja taka sama jak piłka nożna, ale nie każdy ma w domu sprzęt, który to udźwignie. Brakuje też miejsca, gdzie moglibyśmy grać razem, a nie każdy w swoim pokoju.\n\nProponujemy urządzenie sali z sześcioma stanowiskami gamingowymi, zestawem do streamowania i konsolą. W sali odbywałyby się treningi drużynowe, turnieje międzyszkolne i warsztaty o zdrowym graniu (higiena cyfrowa, ergonomia, przerwy).',
    category: 'education',
    location: 'Wymiennikownia – miejsce aktywności młodzieży w Gdyni',
    beneficiaries: 'Młodzież w wieku 13–19 lat',
    costItems: [
      { label: 'Komputery gamingowe z monitorami (6 szt.)', amountZl: 36000 },
      { label: 'Fotele, biurka i słuchawki', amountZl: 8400 },
      { label: 'Zestaw do streamowania i konsola', amountZl: 4800 },
    ],
  },
  {
    key: 'youth-3',
    district: null,
    pool: 'youth',
    title: 'Strefy chillu przy szkołach średnich',
    summary:
      'Wygodne siedziska, hamaki i zadaszenia przy trzech szkołach średnich – żeby na przerwach i po lekcjach było gdzie posiedzieć na zewnątrz.',
    description:
      'Na przerwach nie mamy gdzie usiąść na świeżym powietrzu, więc stoimy na schodach albo przy parkingu. Po lekcjach też nie ma gdzie poczekać na autobus czy znajomych.\n\nChcemy stworzyć strefy chillu przy trzech szkołach: drewniane podesty do siedzenia, hamaki, zadaszenie od deszczu i gniazdka USB zasilane panelem solarnym. Projekt zrobimy razem z samorządami uczniowskimi.',
    category: 'social',
    location: 'Tereny przy trzech szkołach ponadpodstawowych w Gdyni (wybór z samorządami uczniowskimi)',
    beneficiaries: 'Uczniowie szkół średnich',
    costItems: [
      { label: 'Podesty i siedziska (3 strefy)', amountZl: 18000 },
      { label: 'Hamaki i zadaszenia', amountZl: 12000 },
      { label: 'Ładowarki solarne USB', amountZl: 6000 },
    ],
  },
  {
    key: 'youth-4',
    district: null,
    pool: 'youth',
    title: 'Pogadajmy o emocjach – warsztaty o zdrowiu psychicznym',
    summary:
      'Cykl warsztatów z psychologami dla młodzieży: stres przed egzaminami, radzenie sobie z presją, jak pomóc przyjacielowi w kryzysie.',
    description:
      'Coraz więcej z nas zmaga się ze stresem, lękiem czy poczuciem samotności, a na wizytę u psychologa czeka się miesiącami. Chcemy mówić o tym otwarcie.\n\nProponujemy 12 warsztatów w małych grupach prowadzonych przez psychologów i psychoterapeutów pracujących z młodzieżą. Tematy wybierzemy w ankiecie wśród uczniów. Dodatkowo przygotujemy kieszonkową ulotkę z listą miejsc, gdzie w Gdyni można szukać bezpłatnej pomocy.',
    category: 'health',
    location: 'Wymiennikownia i szkoły ponadpodstawowe w Gdyni',
    beneficiaries: 'Młodzież w wieku 13–19 lat',
    costItems: [
      { label: 'Honoraria psychologów (12 warsztatów)', amountZl: 14400 },
      { label: 'Materiały warsztatowe', amountZl: 1600 },
      { label: 'Ulotka z miejscami pomocy (druk)', amountZl: 2000 },
    ],
  },
  {
    key: 'youth-5',
    district: null,
    pool: 'youth',
    title: 'Zrób swój bit – warsztaty DJ-skie i produkcji muzycznej',
    summary:
      'Warsztaty z DJ-ingu, produkcji muzyki na komputerze i nagrywania wokalu, zakończone koncertem uczestników.',
    description:
      'Wielu z nas tworzy muzykę na telefonie albo laptopie, ale brakuje nam wiedzy i sprzętu, żeby zrobić to porządnie.\n\nProponujemy cykl 16 warsztatów z doświadczonymi producentami i DJ-ami: podstawy produkcji, miksowanie, nagrywanie wokalu i występ na żywo. Kupiony sprzęt (kontroler DJ, mikrofon, interfejs audio, słuchawki) zostanie w Wymiennikowni, żeby korzystali z niego kolejni.\n\nNa finał zorganizujemy koncert, na którym uczestnicy zagrają własne kawałki.',
    category: 'culture',
    location: 'Wymiennikownia',
    beneficiaries: 'Młodzież zainteresowana muzyką',
    costItems: [
      { label: 'Prowadzący warsztaty (16 spotkań)', amountZl: 9600 },
      { label: 'Sprzęt: kontroler DJ, mikrofon, interfejs, słuchawki', amountZl: 9400 },
      { label: 'Koncert finałowy', amountZl: 3000 },
    ],
  },
  {
    key: 'youth-6',
    district: null,
    pool: 'youth',
    title: 'Stoły do nauki na świeżym powietrzu z gniazdkami',
    summary:
      'Pięć zadaszonych stołów z ładowarkami solarnymi w parkach i przy bibliotekach, gdzie można pouczyć się z laptopem albo pograć w planszówki.',
    description:
      'Latem fajnie byłoby uczyć się albo pracować nad projektem na zewnątrz, ale w parkach nie ma stołów, a laptop szybko się rozładowuje.\n\nProponujemy pięć zadaszonych stołów z ławkami i ładowarkami zasilanymi panelami słonecznymi. Miejsca wskażemy w ankiecie wśród młodzieży – np. Park Centralny, okolice bibliotek i bulwar.',
    category: 'infrastructure',
    location: 'Parki i okolice bibliotek w Gdyni (lokalizacje wskazane w ankiecie)',
    beneficiaries: 'Uczniowie i studenci, młodzież',
    costItems: [
      { label: 'Zadaszone stoły z ławkami (5 szt.)', amountZl: 17500 },
      { label: 'Ładowarki solarne (5 szt.)', amountZl: 10000 },
      { label: 'Montaż i fundamenty', amountZl: 5000 },
    ],
  },

  // ───────────────────────────── Budżet dzieci i młodzieży ─────────────────────────────
  {
    key: 'children-1',
    district: null,
    pool: 'children',
    title: 'Pokój gier w naszej Przystani',
    summary:
      'Chcemy mieć w Przystani pokój do zabawy: piłkarzyki, cymbergaja, pufy i konsolę do wspólnego grania.',
    description:
      'W naszej Przystani jest fajnie, ale nie mamy miejsca, gdzie można po prostu pograć i pośmiać się z kolegami. Chcemy piłkarzyki, cymbergaja, duże pufy i konsolę z grami dla kilku osób.\n\nSami ustalimy zasady, żeby każdy mógł zagrać, i będziemy dbać o porządek.',
    category: 'social',
    location: 'Przystań – centrum sąsiedzkie (dzielnica do ustalenia)',
    beneficiaries: 'Dzieci i młodzież przychodzący do Przystani',
    costItems: [
      { label: 'Piłkarzyki i cymbergaj', amountZl: 5200 },
      { label: 'Konsola z grami i telewizor', amountZl: 4600 },
      { label: 'Pufy i dywan', amountZl: 1800 },
    ],
  },
  {
    key: 'children-2',
    district: null,
    pool: 'children',
    title: 'Szafa pełna gier planszowych',
    summary:
      'Kupmy dużo gier planszowych i karcianych, żeby w każdej Przystani można było grać razem po szkole.',
    description:
      'Lubimy grać w planszówki, ale gry, które mamy, są stare i brakuje w nich kart i pionków. Chcemy kupić nowe gry – takie dla małych dzieci i takie dla starszych.\n\nRaz w miesiącu zrobimy turniej, a zwycięzca wybierze kolejną grę do kupienia.',
    category: 'education',
    location: 'Przystanie – centra sąsiedzkie w Gdyni',
    beneficiaries: 'Dzieci w wieku 6–14 lat',
    costItems: [
      { label: 'Gry planszowe i karciane (ok. 40 szt.)', amountZl: 3600 },
      { label: 'Szafka na gry', amountZl: 600 },
      { label: 'Nagrody w turniejach', amountZl: 300 },
    ],
  },
  {
    key: 'children-3',
    district: null,
    pool: 'children',
    title: 'Wycieczka do Centrum Nauki Experyment i nad morze',
    summary:
      'Wspólna wycieczka dzieci z Przystani do Centrum Nauki Experyment, a potem piknik na plaży.',
    description:
      'Wiele z nas nigdy nie było w Experymencie. Chcemy pojechać tam wszyscy razem, zrobić doświadczenia, a potem pójść na plażę na piknik.\n\nPotrzebujemy pieniędzy na autokar, bilety, jedzenie i opiekunów.',
    category: 'culture',
    location: 'Centrum Nauki Experyment, Gdynia, i plaża miejska',
    beneficiaries: 'Dzieci z Przystani (ok. 60 osób)',
    costItems: [
      { label: 'Bilety wstępu', amountZl: 2400 },
      { label: 'Autokar', amountZl: 1800 },
      { label: 'Piknik (jedzenie i picie)', amountZl: 1500 },
      { label: 'Ubezpieczenie', amountZl: 300 },
    ],
  },
  {
    key: 'children-4',
    district: null,
    pool: 'children',
    title: 'Malujemy, lepimy, tworzymy – warsztaty plastyczne w Wymiennikowni',
    summary:
      'Zajęcia plastyczne raz w tygodniu: malowanie, glina, komiksy i robienie masek. Na końcu zrobimy wystawę.',
    description:
      'Lubimy rysować i tworzyć, ale w domu często nie mamy farb ani gliny. Chcemy, żeby raz w tygodniu w Wymiennikowni były zajęcia z artystką.\n\nBędziemy malować, lepić z gliny, robić komiksy i maski. Na koniec zrobimy wystawę i zaprosimy rodziców.',
    category: 'culture',
    location: 'Wymiennikownia',
    beneficiaries: 'Dzieci w wieku 7–13 lat',
    costItems: [
      { label: 'Prowadząca zajęcia (20 spotkań)', amountZl: 4000 },
      { label: 'Farby, glina, papier i materiały', amountZl: 2600 },
      { label: 'Wypalanie prac z gliny', amountZl: 800 },
      { label: 'Wystawa', amountZl: 600 },
    ],
  },
  {
    key: 'children-5',
    district: null,
    pool: 'children',
    title: 'Bawimy się razem – Граємо разом!',
    summary:
      'Zabawy, gry i wspólne gotowanie dla dzieci z Polski i z Ukrainy. Uczymy się nawzajem słówek i poznajemy nowych przyjaciół.',
    description:
      'W naszej Przystani są dzieci, które mówią po polsku, i dzieci, które mówią po ukraińsku. Czasem trudno nam się dogadać, ale razem bawimy się super.\n\nChcemy co tydzień spotykać się na zabawach, grach ruchowych i gotowaniu prostych potraw z Polski i Ukrainy. Będzie z nami animatorka, która mówi w obu językach. Zrobimy też słowniczek obrazkowy polsko-ukraiński dla wszystkich dzieci.',
    category: 'social',
    location: 'Przystań – centrum sąsiedzkie (dzielnica do ustalenia)',
    beneficiaries: 'Dzieci polsko- i ukraińskojęzyczne w wieku 6–13 lat',
    costItems: [
      { label: 'Animatorka mówiąca po polsku i ukraińsku (30 spotkań)', amountZl: 6000 },
      { label: 'Gry i materiały do zabaw', amountZl: 1400 },
      { label: 'Produkty na wspólne gotowanie', amountZl: 1600 },
      { label: 'Słowniczek obrazkowy (druk)', amountZl: 1000 },
    ],
  },
];
