/** Polish: residents' experience, second round (#16): extras after submission, name limits, the review page, "Jak to działa", search, districts. */
export const ux2 = {
  "ux2.extras.title": "Zdjęcia, pliki i współautorzy",
  "ux2.extras.lead": "Tekstu zgłoszonego projektu nie można już zmieniać, ale do rozpoczęcia weryfikacji możesz dodawać zdjęcia i pliki oraz zapraszać współautorów.",
  "ux2.extras.leadCoauthor": "Do rozpoczęcia weryfikacji możesz dodawać zdjęcia i pliki do tego projektu.",
  "ux2.extras.back": "Wróć do projektu",
  "ux2.review.text": "Treść projektu do oceny",
  "ux2.done.submitted_council": "Projekt zgłoszony. Teraz oceni go Młodzieżowa Rada Miasta – poparcia innych osób nie są potrzebne.",
  "ux2.done.submitted_officials": "Projekt zgłoszony. Teraz sprawdzą go urzędnicy – poparcia innych osób nie są potrzebne.",
  "ux2.done.resubmitted_council": "Poprawiony projekt wrócił do Młodzieżowej Rady Miasta, która oceni go ponownie.",
  "ux2.mail.appealUntil": "Od tej decyzji możesz się odwołać jeden raz, najpóźniej {until} (czasu polskiego), na stronie: {link}",
  "ux2.mail.appealWindow": "Od tej decyzji możesz się odwołać jeden raz, od {from} do {until} (czasu polskiego), na stronie: {link}",
  "ux2.mailbox.zone": "czasu polskiego",
};
