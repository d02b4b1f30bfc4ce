/** Polish: what /privacy says about keeping and deleting data (numbers from domain/retention.ts). */
export const privacy = {
  "privacy.retention.title": "Jak długo przechowujemy dane",
  "privacy.retention.lead": "Po tych okresach dane usuwa automatycznie zadanie uruchamiane co kilka godzin:",
  "privacy.retention.unverified": "konto, którego adresu e-mail nie potwierdzono – po {unverifiedDays} dniach od założenia;",
  "privacy.retention.drafts": "szkic projektu, którego nie zgłoszono – razem z załącznikami, po {draftMonths} miesiącach od ostatniej zmiany;",
  "privacy.retention.paper": "imię, nazwisko i kontakt osoby, która złożyła projekt na papierze lub osobiście – po {paperContactMonths} miesiącach od ogłoszenia wyników głosowania (do tego czasu urząd potrzebuje ich przy weryfikacji, odwołaniach i pytaniach o wynik);",
  "privacy.retention.mail": "wiadomości e-mail w naszej kolejce wysyłki – po {outboxDays} dniach;",
  "privacy.retention.links": "linki do potwierdzenia adresu i zmiany hasła – {emailTokenDays} dni po ich wygaśnięciu;",
  "privacy.retention.sessions": "sesje logowania – gdy wygasną (po {sessionIdleHours} godzinach bezczynności, najpóźniej {sessionMaxDays} dni po zalogowaniu);",
  "privacy.retention.audit": "wpisy w dzienniku zdarzeń – po {auditYears} latach.",
  "privacy.deletion.title": "Co się dzieje po usunięciu konta",
  "privacy.deletion.body": "Usuwamy adres e-mail, nazwę, skrót hasła, sesje, niezgłoszone szkice projektów razem z plikami, zaproszenia do współautorstwa wysłane do Ciebie i przez Ciebie oraz wiadomości do Ciebie. Treść Twoich komentarzy zastępujemy informacją „[komentarz usunięty]”. Usuwamy też uzasadnienia Twoich odwołań (samo odwołanie i decyzja w jego sprawie pozostają), a pliki dołączone do Twoich zgłoszonych projektów dostają neutralne nazwy, np. „załącznik-1.pdf”. Zgłoszone projekty są publiczne i pozostają – bez Twoich danych, jako projekt mieszkańca lub mieszkanki. Poparcia, zgłoszenia komentarzy i wpisy w dzienniku zdarzeń pozostają, ale wskazują już tylko anonimowe, usunięte konto.",
  "privacy.photos.title": "Zdjęcia i pliki",
  "privacy.photos.body": "Ze zdjęć dołączanych do projektów (JPEG, PNG, WebP) przy przesyłaniu usuwamy metadane: położenie GPS, datę wykonania, model aparatu i dane autora. Pliki PDF zapisujemy bez zmian – jeśli zawierają dane osobowe (np. w polu „Autor”), usuń je przed przesłaniem.",
  "comments.body_removed": "[komentarz usunięty]",
  "appeal.justification_removed": "[uzasadnienie usunięte wraz z kontem autora]",
} as const;
