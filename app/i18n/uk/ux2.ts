/** Ukrainian: residents' experience, second round (#16). */
import type { ux2 as pl } from "../pl/ux2";

export const ux2: Record<keyof typeof pl, string> = {
  "ux2.extras.title": "Фото, файли та співавтори",
  "ux2.extras.lead": "Текст поданого проєкту вже не можна змінити, але до початку перевірки ви можете додавати фото й файли та запрошувати співавторів.",
  "ux2.extras.leadCoauthor": "До початку перевірки ви можете додавати фото й файли до цього проєкту.",
  "ux2.extras.back": "Повернутися до проєкту",
};
