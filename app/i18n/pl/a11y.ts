/** Polish: the accessibility statement (deklaracja dostępności) required of public-sector websites. */
export const a11y = {
  "nav.accessibility": "Deklaracja dostępności",
  "a11y.title": "Deklaracja dostępności",
  "a11y.lead": "Miasto Gdynia zobowiązuje się zapewnić dostępność tej platformy zgodnie z ustawą z dnia 4 kwietnia 2019 r. o dostępności cyfrowej stron internetowych i aplikacji mobilnych podmiotów publicznych.",
  "a11y.status.title": "Stan dostępności",
  "a11y.status.body": "Platforma jest częściowo zgodna z WCAG 2.1 na poziomie AA. Każda strona jest automatycznie sprawdzana narzędziem axe w trzech językach, na telefonie i bez JavaScriptu. Pełny audyt przeprowadzony przez ekspertów oraz testy z udziałem osób z niepełnosprawnościami są jeszcze przed nami.",
  "a11y.known.title": "Znane ograniczenia",
  "a11y.known.body": "Wykresy wyników mają tekstowy odpowiednik w tabelach. Opisy projektów pisane przez mieszkańców mogą nie spełniać zasad prostego języka. Archiwalne dane z poprzednich edycji zawierają tylko tytuły projektów.",
  "a11y.features.title": "Ułatwienia",
  "a11y.features.body": "Strona działa bez JavaScriptu i na małych ekranach, ma link „Przejdź do treści”, duże pola dotykowe, widoczny fokus klawiatury, wersje w języku polskim, ukraińskim i angielskim oraz możliwość powiększenia tekstu do 200% bez utraty treści.",
  "a11y.feedback.title": "Informacje zwrotne i kontakt",
  "a11y.feedback.body": "Jeśli coś na tej stronie jest dla Ciebie niedostępne, napisz do Urzędu Miasta Gdyni. Masz prawo żądać udostępnienia treści w innej formie; odpowiemy najpóźniej w ciągu 7 dni.",
  "a11y.complaints.title": "Skargi i odwołania",
  "a11y.complaints.body": "Jeśli odmówimy udostępnienia treści albo nie odpowiemy w terminie, możesz złożyć skargę. Po wyczerpaniu tej procedury możesz zwrócić się do Rzecznika Praw Obywatelskich.",
  "a11y.date": "Deklarację sporządzono na podstawie samooceny i automatycznych testów platformy.",
} as const;
