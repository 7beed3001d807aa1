// Seeded generator of screening-list entries and of the ways people write their names, for the
// screening bench and the evaluation set. Every name is invented from word pools (Chinese characters
// with their pinyin and English renderings, Russian names in Cyrillic with several romanisation schemes,
// Western and Arabic names); none is a real listed party. The romanisers below are the generator's own
// tables (BGN/PCGN-like, passport-like, German-like and French-like), deliberately independent of the
// transliteration library the matcher uses.
import { createRequire } from 'node:module';
import { prng } from '../prng.mjs';

const require = createRequire(new URL('../../packages/core/package.json', import.meta.url));
const { pinyin } = require('pinyin-pro');

export { prng };
export const pick = (rand, list) => list[Math.floor(rand() * list.length)];
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const upper = (s) => s.toUpperCase();

// ---------------------------------------------------------------- Chinese companies
export const CITIES = [
  ['北京', 'Beijing'], ['上海', 'Shanghai'], ['深圳', 'Shenzhen'], ['广州', 'Guangzhou'], ['天津', 'Tianjin'], ['西安', 'Xian'],
  ['成都', 'Chengdu'], ['武汉', 'Wuhan'], ['南京', 'Nanjing'], ['杭州', 'Hangzhou'], ['苏州', 'Suzhou'], ['合肥', 'Hefei'],
  ['长沙', 'Changsha'], ['大连', 'Dalian'], ['青岛', 'Qingdao'], ['厦门', 'Xiamen'], ['重庆', 'Chongqing'], ['沈阳', 'Shenyang'],
  ['郑州', 'Zhengzhou'], ['包头', 'Baotou'], ['赣州', 'Ganzhou'], ['宁波', 'Ningbo'], ['无锡', 'Wuxi'], ['东莞', 'Dongguan'],
];
export const BRAND_CHARS = '华中新海天科创达瑞泰宏鑫信源博远恒盛兴安德方正光明汇晶微芯航宇星辰磁钢金铭凯峰睿弘嘉伟腾龙云浩锐联通诚'.split('');
export const INDUSTRIES = [
  ['电子科技', 'Electronic Technology'], ['精密仪器', 'Precision Instrument'], ['光电', 'Optoelectronics'], ['航空科技', 'Aviation Technology'],
  ['新材料', 'New Materials'], ['半导体', 'Semiconductor'], ['通信技术', 'Communication Technology'], ['机械', 'Machinery'],
  ['进出口贸易', 'Import and Export Trading'], ['稀土', 'Rare Earth'], ['磁材', 'Magnetic Materials'], ['化工', 'Chemical'],
  ['智能装备', 'Intelligent Equipment'], ['微电子', 'Microelectronics'], ['激光', 'Laser'], ['无人机', 'UAV'], ['软件', 'Software'],
  ['能源', 'Energy'], ['金属', 'Metals'], ['国际贸易', 'International Trade'], ['测控技术', 'Measurement and Control Technology'],
];
const HAN_FORMS = ['有限公司', '股份有限公司', '有限责任公司'];
const LATIN_FORMS = ['Co., Ltd.', 'Co., Ltd', 'Company Limited', 'Co. Ltd.', 'Limited', 'Corporation'];

/** Pinyin of a run of characters, syllables joined into one capitalised word ("华信" → "Huaxin"). */
export const pinyinWord = (han) => cap(pinyin(han, { toneType: 'none', type: 'array', v: true }).join('').replace(/v/g, 'u'));

export function chineseCompany(rand) {
  const [cityHan, city] = pick(rand, CITIES);
  const brandHan = pick(rand, BRAND_CHARS) + pick(rand, BRAND_CHARS);
  const [indHan, indEn] = pick(rand, INDUSTRIES);
  const brand = pinyinWord(brandHan);
  const withShi = rand() < 0.4;
  const han = `${cityHan}${withShi ? '市' : ''}${brandHan}${indHan}${pick(rand, HAN_FORMS)}`;
  const english = `${city} ${brand} ${indEn} ${pick(rand, LATIN_FORMS)}`;
  // Word-grouped pinyin as Chinese firms often romanise themselves: "Shenzhen Huaxin Dianzi Keji Co., Ltd."
  const indPinyin = indHan.match(/../g).map(pinyinWord).join(' ') + (indHan.length % 2 ? pinyinWord(indHan.slice(-1)) : '');
  const pinyinName = `${city} ${brand} ${indPinyin} ${pick(rand, LATIN_FORMS)}`;
  return { kind: 'cn-company', country: 'CN', han, english, pinyin: pinyinName, parts: { cityHan, city, brandHan, brand, indHan, indEn, withShi } };
}

// ---------------------------------------------------------------- Russian persons and companies
export const SURNAMES = ['Иванов', 'Смирнов', 'Кузнецов', 'Попов', 'Соколов', 'Лебедев', 'Козлов', 'Новиков', 'Морозов', 'Петров', 'Волков',
  'Соловьёв', 'Васильев', 'Зайцев', 'Павлов', 'Семёнов', 'Голубев', 'Виноградов', 'Богданов', 'Воробьёв', 'Фёдоров', 'Михайлов',
  'Беляев', 'Тарасов', 'Белов', 'Комаров', 'Орлов', 'Киселёв', 'Макаров', 'Андреев', 'Ковалёв', 'Ильин', 'Гусев', 'Титов', 'Кузьмин',
  'Кудрявцев', 'Баранов', 'Куликов', 'Алексеев', 'Степанов', 'Яковлев', 'Сорокин', 'Сергеев', 'Романов', 'Захаров', 'Борисов',
  'Королёв', 'Герасимов', 'Пономарёв', 'Григорьев', 'Лазарев', 'Медведев', 'Ершов', 'Никитин', 'Соболев', 'Рябов', 'Поляков',
  'Цветков', 'Данилов', 'Жуков', 'Фролов', 'Журавлёв', 'Николаев', 'Крылов', 'Максимов', 'Сидоров', 'Осипов', 'Белоусов', 'Федотов',
  'Дорофеев', 'Егоров', 'Матвеев', 'Бобров', 'Дмитриев', 'Калинин', 'Анисимов', 'Петухов', 'Антонов', 'Тимофеев', 'Никифоров',
  'Веселов', 'Филиппов', 'Марков', 'Большаков', 'Суханов', 'Миронов', 'Ширяев', 'Александров', 'Коновалов', 'Шестаков', 'Казаков',
  'Ефимов', 'Денисов', 'Громов', 'Фомин', 'Давыдов', 'Мельников', 'Щербаков', 'Блинов', 'Колесников', 'Карпов', 'Афанасьев', 'Власов',
  'Маслов', 'Исаков', 'Тихонов', 'Аксёнов', 'Гаврилов', 'Родионов', 'Котов', 'Горбунов', 'Кудряшов', 'Быков', 'Зуев', 'Третьяков',
  'Савельев', 'Панов', 'Рыбаков', 'Суворов', 'Абрамов', 'Воронов', 'Мухин', 'Архипов', 'Трофимов', 'Мартынов', 'Емельянов', 'Горшков',
  'Чернов', 'Овчинников', 'Селезнёв', 'Панфилов', 'Копылов', 'Михеев', 'Галкин', 'Назаров', 'Лобанов', 'Лукин', 'Беляков', 'Потапов',
  'Некрасов', 'Хохлов', 'Жданов', 'Наумов', 'Шилов', 'Воронцов', 'Ермаков', 'Дроздов', 'Игнатьев', 'Савин', 'Логинов', 'Сафонов',
  'Капустин', 'Кириллов', 'Моисеев', 'Елисеев', 'Кошелев', 'Костин', 'Горбачёв', 'Орехов', 'Ефремов', 'Исаев', 'Евдокимов', 'Калашников',
  'Кабанов', 'Носков', 'Юдин', 'Кулагин', 'Лапин', 'Прохоров', 'Нестеров', 'Харитонов', 'Агафонов', 'Муравьёв', 'Ларионов', 'Федосеев',
  'Зимин', 'Пахомов', 'Шубин', 'Игнатов', 'Филатов', 'Крюков', 'Рогов', 'Кулаков', 'Терентьев', 'Молчанов', 'Владимиров', 'Артемьев',
  'Гурьев', 'Зиновьев', 'Гришин', 'Кононов', 'Дементьев', 'Ситников', 'Симонов', 'Мишин', 'Фадеев', 'Комиссаров', 'Мамонтов', 'Носов',
  'Гуляев', 'Шаров', 'Устинов', 'Вишняков', 'Евсеев', 'Лаврентьев', 'Брагин', 'Константинов', 'Корнилов', 'Авдеев', 'Зыков', 'Бирюков',
  'Шарапов', 'Никонов', 'Щукин', 'Дьячков', 'Одинцов', 'Сазонов', 'Якушев', 'Красильников', 'Гордеев', 'Самойлов', 'Князев', 'Беспалов',
  'Уваров', 'Шашков', 'Бобылёв', 'Доронин', 'Белозёров', 'Рожков', 'Самсонов', 'Мясников', 'Лихачёв', 'Буров', 'Сысоев', 'Фомичёв',
  'Русаков', 'Стрелков', 'Гущин', 'Тетерин', 'Колобов', 'Субботин', 'Фокин', 'Блохин', 'Селиверстов', 'Пестов', 'Кондратьев', 'Силин',
  'Меркушев', 'Лыткин', 'Туров', 'Хабаров', 'Юрьев', 'Чеботарёв'];
export const MALE = ['Александр', 'Алексей', 'Андрей', 'Антон', 'Аркадий', 'Артём', 'Борис', 'Вадим', 'Валерий', 'Василий', 'Виктор', 'Виталий',
  'Владимир', 'Вячеслав', 'Геннадий', 'Георгий', 'Григорий', 'Даниил', 'Денис', 'Дмитрий', 'Евгений', 'Егор', 'Иван', 'Игорь', 'Илья',
  'Кирилл', 'Константин', 'Леонид', 'Максим', 'Михаил', 'Никита', 'Николай', 'Олег', 'Павел', 'Пётр', 'Роман', 'Руслан', 'Сергей',
  'Станислав', 'Степан', 'Тимофей', 'Фёдор', 'Юрий', 'Ярослав', 'Эдуард', 'Анатолий', 'Афанасий', 'Всеволод', 'Глеб', 'Святослав'];
export const FEMALE = ['Анна', 'Валентина', 'Вера', 'Галина', 'Дарья', 'Екатерина', 'Елена', 'Ирина', 'Ксения', 'Людмила', 'Марина', 'Мария',
  'Наталья', 'Нина', 'Ольга', 'Светлана', 'Татьяна', 'Юлия', 'Ангелина', 'Алёна', 'Виктория', 'Евгения', 'Зоя', 'Лариса', 'Надежда'];
export const PATRONYMIC_BASE = { 'Александр': 'Александров', 'Алексей': 'Алексеев', 'Андрей': 'Андреев', 'Борис': 'Борисов', 'Василий': 'Васильев',
  'Виктор': 'Викторов', 'Владимир': 'Владимиров', 'Геннадий': 'Геннадьев', 'Григорий': 'Григорьев', 'Дмитрий': 'Дмитриев',
  'Евгений': 'Евгеньев', 'Иван': 'Иванов', 'Игорь': 'Игорев', 'Константин': 'Константинов', 'Леонид': 'Леонидов', 'Михаил': 'Михайлов',
  'Николай': 'Николаев', 'Олег': 'Олегов', 'Павел': 'Павлов', 'Пётр': 'Петров', 'Сергей': 'Сергеев', 'Юрий': 'Юрьев', 'Анатолий': 'Анатольев',
  'Валерий': 'Валерьев', 'Вячеслав': 'Вячеславов', 'Фёдор': 'Фёдоров', 'Степан': 'Степанов', 'Роман': 'Романов' };
export const patronymic = (father, female) => {
  const base = PATRONYMIC_BASE[father];
  if (base.endsWith('ев') && !base.endsWith('еев')) return base.slice(0, -2) + (female ? 'евна' : 'евич');
  if (base.endsWith('еев')) return base.slice(0, -2) + (female ? 'евна' : 'евич');
  return base.slice(0, -2) + (female ? 'овна' : 'ович');
};
const feminine = (surname) => surname + 'а';

export const BRAND_HEADS = ['Техно', 'Пром', 'Спец', 'Электро', 'Радио', 'Авиа', 'Энерго', 'Гидро', 'Металл', 'Микро', 'Оптик', 'Навиго', 'Торг', 'Инвест', 'Стройт', 'Химт'];
export const BRAND_TAILS = ['ком', 'тех', 'маш', 'сервис', 'прибор', 'систем', 'снаб', 'пром', 'лаб', 'импорт', 'экспорт', 'трейд', 'комплект', 'логистик', 'ресурс', 'альянс'];
const RU_FORMS = [
  { cyr: 'ООО', latin: ['OOO', 'LLC', 'LIMITED LIABILITY COMPANY', 'OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU'] },
  { cyr: 'АО', latin: ['AO', 'JSC', 'JOINT STOCK COMPANY', 'AKTSIONERNOE OBSHCHESTVO'] },
];

// Romanisation schemes of the generator (not of the matcher): each maps a lower-case Cyrillic letter.
const BASE = { а: 'a', б: 'b', в: 'v', г: 'g', д: 'd', з: 'z', и: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', ь: '', ъ: '', э: 'e' };
export const SCHEMES = {
  bgn: { ...BASE, е: 'e', ё: 'e', ж: 'zh', й: 'y', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', ю: 'yu', я: 'ya', initialE: 'ye', ий: 'iy', ый: 'yy' },
  passport: { ...BASE, е: 'e', ё: 'e', ж: 'zh', й: 'i', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', ю: 'iu', я: 'ia', initialE: 'e', ий: 'ii', ый: 'yi' },
  simple: { ...BASE, е: 'e', ё: 'yo', ж: 'zh', й: 'i', х: 'h', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'sch', ы: 'y', ю: 'yu', я: 'ya', initialE: 'e', ий: 'y', ый: 'y' },
  german: { ...BASE, в: 'w', е: 'e', ё: 'jo', ж: 'sh', з: 's', й: 'j', х: 'ch', ц: 'z', ч: 'tsch', ш: 'sch', щ: 'schtsch', ы: 'y', ю: 'ju', я: 'ja', initialE: 'je', ий: 'ij', ый: 'yj' },
  french: { ...BASE, е: 'e', ё: 'io', ж: 'j', й: 'i', х: 'kh', ц: 'ts', ч: 'tch', ш: 'ch', щ: 'chtch', ы: 'y', у: 'ou', ю: 'iou', я: 'ia', initialE: 'ie', ий: 'i', ый: 'y' },
};

/** Romanises one Cyrillic word with a scheme, keeping its capitalisation style. */
export function romanise(word, scheme) {
  const s = SCHEMES[scheme];
  const lower = word.toLowerCase();
  let out = '';
  for (let i = 0; i < lower.length; i++) {
    const two = lower.slice(i, i + 2);
    if ((two === 'ий' || two === 'ый') && i + 2 === lower.length) {
      out += s[two];
      i++;
      continue;
    }
    const c = lower[i];
    if (c === 'е' && (i === 0 || 'аеёиоуыэюяьъ'.includes(lower[i - 1]))) out += s.initialE;
    else out += s[c] ?? c;
  }
  return word === word.toUpperCase() ? out.toUpperCase() : cap(out);
}

export function russianPerson(rand) {
  const female = rand() < 0.3;
  const surnameM = pick(rand, SURNAMES);
  const surname = female ? feminine(surnameM) : surnameM;
  const given = pick(rand, female ? FEMALE : MALE);
  const father = pick(rand, Object.keys(PATRONYMIC_BASE));
  return { kind: 'ru-person', country: 'RU', female, surname, surnameM, given, patronymic: patronymic(father, female), father };
}

export function russianCompany(rand) {
  const brand = pick(rand, BRAND_HEADS) + pick(rand, BRAND_TAILS);
  const form = pick(rand, RU_FORMS);
  return { kind: 'ru-company', country: 'RU', brand, form };
}

// ---------------------------------------------------------------- Western companies and persons, Arabic names
export const WEST_WORDS = ['North', 'Star', 'Atlas', 'Summit', 'Pioneer', 'Vector', 'Horizon', 'Crescent', 'Falcon', 'Sterling', 'Granite', 'Meridian',
  'Harbor', 'Beacon', 'Cobalt', 'Vertex', 'Apex', 'Zenith', 'Orion', 'Polaris', 'Delta', 'Triton', 'Nordic', 'Baltic', 'Alpine', 'Coastal',
  'Pacific', 'Atlantic', 'Evergreen', 'Silverline', 'Bluewater', 'Redstone', 'Ironwood', 'Oakridge', 'Westfield', 'Eastgate', 'Kingsbridge',
  'Clearview', 'Brightway', 'Fairmont', 'Lakeside', 'Riverside', 'Highland', 'Sunrise', 'Keystone', 'Landmark', 'Paramount', 'Sentinel'];
export const WEST_FIELDS = ['Precision Instruments', 'Aerospace Components', 'Trading', 'Logistics', 'Electronics', 'Technologies', 'Industrial Supply',
  'Engineering', 'Metals', 'Materials', 'Optics', 'Systems', 'Semiconductors', 'Machine Tools', 'Marine Services', 'Defense Systems',
  'Chemicals', 'Energy Solutions', 'Software', 'Instruments'];
const WEST_FORMS = [['Ltd.', 'Limited'], ['GmbH', 'G.m.b.H.'], ['Inc.', 'Incorporated'], ['LLC', 'L.L.C.'], ['S.A.', 'SA'], ['B.V.', 'BV'], ['Pte. Ltd.', 'Private Limited'], ['FZE', 'F.Z.E.'], ['Corp.', 'Corporation']];
const COUNTRIES_WEST = ['GB', 'DE', 'US', 'AE', 'SG', 'HK', 'TR', 'NL', 'CH', 'CY', 'MY', 'TH', 'IN'];
export const WEST_GIVEN = ['John', 'Michael', 'David', 'James', 'Robert', 'William', 'Thomas', 'Richard', 'Charles', 'Daniel', 'Matthew', 'Andrew',
  'Peter', 'Stefan', 'Klaus', 'Markus', 'Pierre', 'Jean', 'Luca', 'Marco', 'Elena', 'Sarah', 'Laura', 'Anna', 'Maria', 'Julia', 'Emma',
  'Olivia', 'Sophie', 'Claire', 'Hans', 'Jurgen', 'Henrik', 'Lars', 'Erik', 'Carlos', 'Javier', 'Miguel', 'Antonio', 'Francesco'];
export const WEST_SURNAMES = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Anderson', 'Taylor', 'Thomas', 'Moore',
  'Martin', 'Jackson', 'Thompson', 'White', 'Harris', 'Clark', 'Lewis', 'Robinson', 'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott',
  'Green', 'Baker', 'Adams', 'Nelson', 'Hill', 'Campbell', 'Mitchell', 'Roberts', 'Carter', 'Phillips', 'Evans', 'Turner', 'Torres', 'Parker',
  'Muller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Meyer', 'Wagner', 'Becker', 'Schulz', 'Hoffmann', 'Dubois', 'Lefebvre', 'Moreau',
  'Laurent', 'Rossi', 'Russo', 'Ferrari', 'Esposito', 'Bianchi', 'Romano', 'Garcia', 'Martinez', 'Rodriguez', 'Lopez', 'Gonzalez',
  'Hernandez', 'Perez', 'Sanchez', 'Ramirez', 'Cruz', 'Lindqvist', 'Johansson', 'Karlsson', 'Nilsson', 'Eriksson', 'Larsen', 'Hansen'];
// Arabic and Persian names with the spellings lists actually use for them.
export const AR_GIVEN = [['Mohammed', 'Muhammad', 'Mohamed', 'Mohammad'], ['Ahmed', 'Ahmad'], ['Hussein', 'Husayn', 'Hossein', 'Husain'], ['Ali'],
  ['Hassan', 'Hasan'], ['Abdullah', 'Abdallah'], ['Youssef', 'Yusuf', 'Yousef'], ['Omar', 'Umar'], ['Khalid', 'Khaled'], ['Ibrahim', 'Ebrahim'],
  ['Mahmoud', 'Mahmud'], ['Mustafa', 'Mostafa'], ['Saeed', 'Said', 'Sayed'], ['Reza'], ['Mehdi', 'Mahdi'], ['Hamid'], ['Karim', 'Kareem'],
  ['Jamal'], ['Nasser', 'Nasir'], ['Tariq', 'Tarek'], ['Fadi'], ['Samir', 'Sameer'], ['Walid', 'Waleed'], ['Majid', 'Majeed'], ['Rashid', 'Rasheed']];
export const AR_FAMILY = [['Al-Hashemi', 'Al-Hashimi'], ['Al-Rashid', 'Al-Rasheed'], ['Haddad'], ['Khoury', 'Khouri'], ['Nasser', 'Nasir'], ['Mansour', 'Mansur'],
  ['Al-Masri'], ['Qureshi', 'Qurashi'], ['Rahimi'], ['Karimi'], ['Hosseini', 'Husseini'], ['Tehrani'], ['Ghorbani', 'Qorbani'], ['Jafari', 'Jaafari'],
  ['Mohammadi', 'Muhammadi'], ['Ahmadi'], ['Rezaei', 'Rezaie'], ['Moradi'], ['Sadeghi', 'Sadiqi'], ['Bakhtiari'], ['Al-Tamimi'], ['Al-Zubaidi', 'Al-Zubeidi'],
  ['Darwish', 'Darwich'], ['Saleh', 'Salih'], ['Abbasi'], ['Kazemi', 'Kadhimi'], ['Najafi'], ['Shirazi'], ['Farahani'], ['Esfahani', 'Isfahani']];

export function westernCompany(rand) {
  const a = pick(rand, WEST_WORDS);
  let b = pick(rand, WEST_WORDS);
  while (b === a) b = pick(rand, WEST_WORDS);
  const joined = rand() < 0.5;
  return { kind: 'west-company', country: pick(rand, COUNTRIES_WEST), words: joined ? [a + b.toLowerCase()] : [a, b], field: pick(rand, WEST_FIELDS), form: pick(rand, WEST_FORMS) };
}

export function westernPerson(rand) {
  const given = pick(rand, WEST_GIVEN);
  let middle = pick(rand, WEST_GIVEN);
  while (middle === given) middle = pick(rand, WEST_GIVEN);
  return { kind: 'west-person', country: pick(rand, COUNTRIES_WEST), given, middle, surname: pick(rand, WEST_SURNAMES) };
}

export function arabicPerson(rand) {
  const given = pick(rand, AR_GIVEN);
  let father = pick(rand, AR_GIVEN);
  while (father === given) father = pick(rand, AR_GIVEN);
  return { kind: 'ar-person', country: pick(rand, ['IR', 'IQ', 'SY', 'LB', 'AE', 'YE', 'PK']), given, father, family: pick(rand, AR_FAMILY) };
}

// ---------------------------------------------------------------- how each is listed
const ruFull = (p, scheme) => [p.given, p.patronymic, p.surname].map((w) => romanise(w, scheme));

/** The names under which a generated party is listed: a primary name and aliases. */
export function listedNames(e, rand) {
  switch (e.kind) {
    case 'cn-company': {
      const primary = rand() < 0.5 ? e.english : e.pinyin;
      const aliases = rand() < 0.4 ? [e.han] : [];
      return { primary, aliases };
    }
    case 'ru-person': {
      const [g, p, s] = ruFull(e, 'bgn');
      return { primary: `${upper(s)}, ${g} ${p}`, aliases: rand() < 0.3 ? [`${e.surname} ${e.given} ${e.patronymic}`] : [] };
    }
    case 'ru-company': {
      const latin = romanise(e.brand, 'bgn').toUpperCase();
      const aliases = [`${e.form.cyr} «${e.brand}»`].filter(() => rand() < 0.4);
      if (rand() < 0.5) aliases.push(`${e.form.latin[2]} ${latin}`);
      return { primary: `${latin}, ${e.form.latin[0]}`, aliases };
    }
    case 'west-company':
      return { primary: `${e.words.join(' ')} ${e.field} ${e.form[0]}`, aliases: rand() < 0.2 ? [`${e.words.join(' ')} ${e.field}`] : [] };
    case 'west-person':
      return { primary: `${upper(e.surname)}, ${e.given} ${e.middle}`, aliases: [] };
    case 'ar-person':
      return { primary: `${upper(e.family[0])}, ${e.given[0]} ${e.father[0]}`, aliases: rand() < 0.4 ? [`${e.given[e.given.length - 1]} ${e.father[0]} ${e.family[e.family.length - 1]}`] : [] };
    default:
      throw new Error(e.kind);
  }
}

const KINDS = [[chineseCompany, 0.34], [russianPerson, 0.16], [russianCompany, 0.1], [westernCompany, 0.2], [westernPerson, 0.1], [arabicPerson, 0.1]];

/** One generated party of a kind drawn by its share. */
export function party(rand) {
  let r = rand();
  for (const [make, share] of KINDS) {
    if (r < share) return make(rand);
    r -= share;
  }
  return arabicPerson(rand);
}

/** A seeded list of `size` entries in the core list-entry shape, with the generated party kept beside each. */
export function generatedList(seed, size) {
  const rand = prng(seed);
  const entries = [];
  for (let i = 0; i < size; i++) {
    const p = party(rand);
    const { primary, aliases } = listedNames(p, rand);
    entries.push({ entry: { id: `gen-${i}`, name: primary, ...(aliases.length ? { aliases } : {}), country: p.country }, party: p });
  }
  return entries;
}
