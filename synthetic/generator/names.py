"""Names for the generated people, spread the way a real authority's are.

A real authority has thousands of surnames with a long tail: a few (Smith, Khan, Jones, Begum)
shared by about one person in a hundred, most by a handful. Search and its speed depend on
that shape, so each family's name is drawn with Zipf-like weights (1 / (rank + 20): the
commonest about 1% of people) from a stock of several thousand: the lists below by heritage,
and English place-name surnames built from their real parts (Ash + worth, Brad + ley), Mc/Mac
names, -son names and Polish -ski/-czyk names built the same way. A family draws its heritage
first, then its surname and the children's first names from that heritage's lists, so names
fit together. Invented data: no real person is described.

Everything draws from its own random stream (`NameSource(seed)`), so the journeys, which use the
generator's main stream, are the same whatever the names.
"""

from __future__ import annotations

import bisect
import itertools
import random

# --- surnames, by heritage ------------------------------------------------------------------------
ENGLISH = """Smith Jones Williams Taylor Brown Davies Evans Wilson Thomas Johnson Roberts Robinson Thompson Wright
Walker White Edwards Hughes Green Hall Lewis Harris Clarke Patel Jackson Wood Turner Martin Cooper Hill Ward Morris
Moore Clark Lee King Baker Harrison Morgan Allen James Scott Phillips Watson Davis Parker Price Bennett Young Griffiths
Mitchell Kelly Cook Carter Richardson Bailey Collins Bell Shaw Murphy Miller Cox Richards Khan Marshall Anderson Simpson
Ellis Adams Singh Begum Wilkinson Foster Chapman Powell Webb Rogers Gray Mason Ali Hunt Hussain Campbell Matthews Owen
Palmer Holmes Mills Barnes Knight Lloyd Butler Russell Barker Fisher Stevens Jenkins Murray Dixon Harvey Graham Pearson
Ahmed Fletcher Walsh Kaur Gibson Howard Andrews Stewart Elliott Reynolds Saunders Payne Fox Ford Pearce Day Brooks West
Lawrence Cole Atkinson Bradley Spencer Gill Dawson Ball Burton O'Brien Watts Rose Booth Perry Ryan Grant Wells Armstrong
Francis Rees Hayes Hart Hudson Newman Barrett Gregory Lowe Hunter Nicholson Holland Reid Dean Fowler Carr Pritchard
Wallace Lane Hawkins Stone Sutton Chambers Hamilton Jennings Wheeler Gardner Nash Kemp Burgess Freeman Dunn Barber
Sanders Hopkins Parsons Berry Kennedy Morton Oliver Whitehouse Hodgson Rowe Stephens Pope Moss Sharp Dyer Bishop
Poole Mann Cartwright Bates Marsh Leach Holt Brookes Hobbs Whittaker Skinner Slater Chandler Ingram Tucker Cross Pugh
Lamb Sims Norris Pickering Warren Sheppard Ashton Dobson Bolton Haynes Horton Garner Walton Vaughan Hale Goodwin
Thornton Banks Bird Bull Mellor Peacock Potter Randall Rhodes Yates Goddard Finch Doyle Farmer Lambert Lord Read Savage
Swift Tyler Weston Pratt Gough Cullen Hewitt Jarvis Kirby Lucas Mann Nixon Pearce Preston Quinn Rowley Steele Tomlinson
Vincent Warner Whitehead Woods Abbott Blake Bond Boyle Buckley Burke Byrne Davidson Doherty Duffy Field Flynn Frost
Hancock Heath Higgins Howe Jordan Kaye Little Lynch Mackay Moran Nolan Pearson Rice Rowland Shepherd Stanley Storey
Thorpe Wade Walters Wyatt Ahmad Barlow Bentley Birch Bradshaw Brennan Burns Cairns Connolly Coates Conway Craig Crawford
Dale Daly Day Doran Duncan Eaton Farrell Fitzgerald Fleming Gallagher Gordon Haigh Haworth Hendry Hobson Howell Humphreys
Hurst Jackson Kerr Kirk Lindsay Lyons Maxwell Metcalfe Nicholls Norton Nuttall Osborne Parkinson Parry Platt Ramsay
Riley Robertson Sinclair Stubbs Sykes Tait Townsend Wall Walmsley Watkins Weaver Wise Wolfe Worrall""".split()

IRISH = """Murphy Kelly O'Sullivan Walsh O'Connor O'Neill O'Reilly Doyle McCarthy Gallagher O'Doherty Kennedy Lynch
Murray Quinn Moore McLoughlin O'Carroll Connolly Daly O'Connell Wilson Dunne Brennan Burke Collins Campbell Clarke
Johnston Hughes O'Farrell Fitzgerald Brown Martin Maguire Nolan Flynn Thompson O'Callaghan O'Donnell Duffy O'Mahony
Boyle Healy O'Shea White Sweeney Hayes Kavanagh Power McGrath Moran Brady Stewart Casey O'Keeffe Hegarty Mulligan
Rafferty Devlin Madden Behan Costello Geraghty Halloran Kinsella Cassidy Donovan Hennessy Keane Regan Reilly Rooney
Sheehan Tierney Whelan Carroll Cullinane Dolan Fahy Gormley Hanrahan Keogh Lonergan Mooney Nagle O'Dwyer O'Hara
O'Leary O'Rourke O'Toole Phelan Ronan Scanlon Tobin Twomey Ward Feeney Flanagan Garvey Horgan Lenihan Mahon""".split()

SCOTTISH = """Campbell Stewart Robertson Thomson Anderson Scott Murray Reid Taylor Clark Ross Paterson Young Watson
Morrison Mitchell Fraser Gray Hamilton Graham Kerr Johnston Cameron Henderson Duncan Ferguson Hunter Kelly Wallace
Gordon Black Allan Grant Munro Ritchie Sutherland Burns Crawford Rankin Baird Drummond Fyfe Gillespie Kirkpatrick
Lennox Menzies Ogilvie Sinclair Urquhart""".split()

# Mc/Mac names: the same root is spelt both ways by different families.
MAC_ROOTS = """Donald Kenzie Intyre Leod Kay Lean Gregor Farlane Millan Carthy Cormack Dougall Ewan Gill Guire Innes
Kenna Laren Nab Pherson Queen Rae Allister Arthur Bride Cabe Call Cann Clure Connell Crae Culloch Dermott Elroy
Fadden Gowan Grath Hugh Iver Kinnon Knight Laughlin Mahon Manus Master Namara Neil Nulty Sweeney Taggart Vey Aulay
Bain Caffrey Cartney Clelland Cluskey Coll Court Cullough Daid Dade Dermid Devitt Donagh Dowell Elhinney Enroe
Fall Fee Garry Gee Geough Ginley Glynn Goldrick Gonigle Govern Gready Hale Ilroy Ilwaine Inerney Kechnie Kee
Keever Kendrick Kinley Lachlan Lellan Lennan Manaway Menemy Michael Mullan Murdo Nair Nally Naughton Nicol Partland
Phail Quade Quarrie Ravey Robbie Shane Sorley Tavish Teer Vicar Whirter William""".split()

# -son names from the forenames they come from.
SON_ROOTS = """Adam Alder Ander Atkin Benn Dick Dickin Dob Dod Ellis Emer Gib Hodg Hud Jack Jame Jeff Jenkin
Jepp Mat Matthew Nichol Parkin Paul Pear Peter Rob Robin Rodger Sander Simp Steven Thom Tomlin Wat Wilkin Will
Harri Richard Ander Mor Ferguson Gilbert Hutchin Johan Mason Nel Sampson Stephen""".split()

# English place-name surnames: real first and last parts (Ash+ley, Brad+ford, Whit+field).
PLACE_FIRST = """Ash Brad Brook Whit Hart Long Black Green Stan Win Shel Brom Ather Cal Cran Dar Ed Elm Hol Hor Kings
Lang Mar Mid Moor Nor Oak Pen Rad Red Sal Sand Stock Sut Thorn Wal War Wes Wick Wood Brent Ald Bar Bur Chad Dun
Ever Fair Hay Lind Rush Shaw Stan Stow Ald Bright Broad Brough Fern Rother Ship""".split()
PLACE_LAST = """ley ford field wood ton well worth by ham hurst wick combe dale shaw bridge stead more brook cliffe
grave""".split()

SOUTH_ASIAN = """Khan Begum Ahmed Hussain Ali Akhtar Patel Shah Singh Kaur Sharma Iqbal Rahman Islam Uddin Miah
Choudhury Bibi Mahmood Aslam Bashir Mirza Qureshi Raza Rashid Siddiqui Javed Nawaz Parveen Sandhu Gill Dhillon Sidhu
Bains Mistry Desai Joshi Mehta Chauhan Kumar Gupta Malik Butt Anwar Hameed Karim Latif Nazir Saleem Tariq Yousaf
Zaman Hossain Sultana Khatun Chowdhury Sarkar Das Bose Nair Pillai Reddy Rao Iyer Ahmad Akram Arshad Ashraf Aziz
Hanif Hassan Haq Hayat Ilyas Ishaq Jamil Kauser Majid Mughal Mumtaz Nadeem Naseem Rafiq Rehman Riaz Sadiq Shafiq
Shahid Sharif Sheikh Tahir Waheed Zafar Bhatti Chaudhry Dar Abbasi Kiani Rana Raja Awan Lodhi Bhatt Pandya Solanki
Parmar Rathod Makwana Chavda Lad Vaghela Thakkar Kotecha Modi Majithia Virdee Sohal Atwal Grewal Johal Bassi Sahota
Dosanjh Basra Heer Hayer Khaira Mann Rai Uppal Bhogal Jandu Kalsi Sagoo Chana""".split()

POLISH = """Nowak Kowalski Wisniewski Wojcik Kowalczyk Kaminski Lewandowski Zielinski Szymanski Wozniak Dabrowski
Kozlowski Jankowski Mazur Kwiatkowski Krawczyk Piotrowski Grabowski Nowakowski Pawlowski Michalski Nowicki Adamczyk
Dudek Zajac Wieczorek Jablonski Krol Majewski Olszewski Jaworski Wrobel Malinowski Pawlak Witkowski Walczak
Stepien Gorski Rutkowski Michalak Sikora Ostrowski Baran Duda Szewczyk Tomaszewski Pietrzak Marciniak Wroblewski
Zalewski Jakubowski Jasinski Zawadzki Sadowski Bak Chmielewski Wlodarczyk Borkowski Czarnecki Sawicki Sokolowski
Urbanski Kubiak Maciejewski Szczepanski Kucharski Wilk Kalinowski Lis Mazurek Wysocki Adamski Kazmierczak
Wasilewski Sobczak Czerwinski Andrzejewski Cieslak Glowacki Zakrzewski Kolodziej Sikorski Krajewski Gajewski
Szymczak Szulc Baranowski Laskowski Brzezinski Makowski Ziolkowski Przybylski""".split()
# Polish names built like the real ones: a root and -ski, -wski, -czyk or -ak.
POLISH_ROOTS = """Kras Nowos Bor Grab Lip Sos Dab Brzoz Wol Lub Gor Przy Rud Kam Osin Bial Czer Zab Wiel Pias Star
Mil Sliw Kur Zar""".split()
POLISH_ENDINGS = ["owski", "ewski", "inski", "czyk", "ak"]

AFRICAN = """Adeyemi Okafor Okonkwo Adebayo Babatunde Ogunleye Eze Nwosu Obi Chukwu Balogun Adewale Afolabi Akinola
Bello Ibrahim Mohammed Yusuf Abubakar Okoro Oyelaran Adeleke Ogunbiyi Olawale Adegoke Onyeka Nwachukwu Okeke Uzor
Ekwueme Ogbonna Anyanwu Mensah Owusu Boateng Asante Osei Appiah Agyeman Darko Addo Amoah Ofori Kwarteng Acheampong
Ansah Asamoah Badu Frimpong Gyamfi Nkansah Opoku Sarpong Abdi Mohamed Hassan Farah Warsame Omar Jama Hersi Aden
Egal Nur Ismail Abdullahi Osman Dualeh Elmi Guled Hirsi Yusuf Moyo Ncube Dube Sibanda Ndlovu Mpofu Nkomo Mutasa
Chinembiri Banda Phiri Mwale Tembo Zulu Kamara Sesay Conteh Bangura Koroma Kanu Mugisha Habimana Kabila Tshibangu
Mbeki Mokoena Abara Tesfaye Girma Haile Kebede Tadesse Bekele""".split()

CARIBBEAN = """Campbell Brown Williams Thompson Robinson Clarke Grant Francis Bailey Morgan Reid Gordon Henry McKenzie
Samuels Stewart Lewis Spence Blake Gayle Forbes Bryan Barrett Beckford Chambers Ellis Powell Walcott Ferguson DaCosta
Lindo Pinnock McFarlane Edwards Johnson Richards Douglas Lawrence Charles Joseph Alexander Augustine Baptiste
Benjamin Clement Cummings Daley Dacres Facey Gooden Hylton Lindsay Malcolm Nembhard Nelson Ricketts Salmon Simms
Sinclair Small Smikle Tulloch Wynter Anglin Bogle Brissett Chin Mullings Rattray Whyte""".split()

ARABIC_AND_MIDDLE_EASTERN = """Al-Hassan Haddad Khalil Saleh Mansour Nasser Abdullah Aziz Hamid Karimi Rahimi Haidari
Sultani Ahmadi Mohammadi Hosseini Rezaei Jaber Darwish Awad Salem Fadel Najjar Issa Said Othman Al-Ali El-Sayed
Kassem Hashemi Yilmaz Kaya Demir Sahin Celik Aydin Ozturk Arslan Dogan Kilic Abdulrahman Al-Amin Barakat Farouk
Ghanem Habib Hamdan Ibrahim Khoury Mahmoud Mustafa Nassar Qasim Rahman Sabri Shamsi Taha Zaki Amini Jafari Karim
Mousavi Noori Rostami Sadeghi Tehrani Zand""".split()

EUROPEAN_AND_OTHER = """Silva Santos Ferreira Pereira Costa Oliveira Rodrigues Fernandes Goncalves Gomes Lopes Martins
Sousa Garcia Martinez Lopez Popescu Ionescu Popa Dumitru Stan Stoica Gheorghe Rusu Munteanu Constantin Kazlauskas
Jankauskas Petrauskas Stankevicius Berzins Ozols Horvath Nagy Toth Kovacs Rossi Russo Ferrari Esposito Bianchi
Romano Chen Wong Li Zhang Wang Liu Lam Cheung Ng Nguyen Tran Pham Le Huang Lin Zhou Wu Yang Ho Tang Yip Leung
Petrov Ivanov Smirnov Novak Horvat Kovac Dvorak Svoboda Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker""".split()

# --- first names, by heritage ------------------------------------------------------------------------
GIVEN = {
    "english": (
        """Oliver George Harry Jack Jacob Noah Charlie Muhammad Thomas Oscar William James Leo Alfie Henry Joshua
        Freddie Archie Ethan Isaac Alexander Joseph Edward Samuel Max Logan Lucas Daniel Theo Arthur Mason Harrison
        Tyler Dylan Riley Finley Adam Jayden Lewis Sebastian Teddy Reuben Luca Toby Ryan Kai Nathan Jake Callum Kyle
        Connor Liam Jordan Bradley Kieran Reece Lee Dean Shane Ashley Craig Darren Scott Wayne Jamie Ben Sam Luke
        Aaron Harvey Frankie Ronnie Tommy Billy Louie Stanley Jesse Elliot Zachary Caleb Elijah Roman Jenson Carter
        Hunter Jonathan Christopher Matthew Michael Andrew Stephen Philip Paul Anthony Richard Robert David Peter""".split(),
        """Olivia Amelia Isla Ava Mia Ivy Lily Isabella Rosie Sophia Grace Willow Freya Florence Emily Ella Poppy
        Evie Elsie Charlotte Evelyn Sienna Sofia Daisy Phoebe Sophie Alice Harper Matilda Ruby Emilia Maya Millie
        Isabelle Layla Esme Eva Chloe Jessica Lucy Holly Megan Lauren Bethany Hannah Amy Katie Leah Courtney Chelsea
        Jade Kayleigh Shannon Paige Demi Tia Keira Skye Summer Lacey Macie Lexi Aria Luna Nevaeh Violet Hallie
        Scarlett Maisie Zara Gracie Eliza Rebecca Sarah Rachel Laura Emma Gemma Kelly Danielle Stephanie Natalie
        Catherine Katherine Stephanie Philippa Michelle Nicola Joanne Tracey Louise Claire Jennifer""".split(),
    ),
    "irish": (
        """Sean Conor Cian Oisin Darragh Padraig Ciaran Eoin Niall Declan Ronan Liam Patrick Aidan Rory Cillian
        Fionn Tadhg Cathal Colm Jack James Michael Kevin Brendan""".split(),
        """Aoife Siobhan Niamh Saoirse Ciara Roisin Orla Caoimhe Sinead Aisling Grainne Clodagh Mairead Eimear
        Sorcha Fiadh Nuala Maeve Bridget Mary Kathleen Erin Sarah""".split(),
    ),
    "south_asian": (
        """Muhammad Mohammed Mohammad Ahmed Ali Hassan Hussain Ibrahim Yusuf Zain Ayaan Rayyan Aryan Arjun Rohan
        Harjit Gurpreet Jaspreet Manpreet Amrit Harvinder Rajesh Sanjay Vikram Ravi Imran Kamran Bilal Hamza Usman
        Omar Zakariya Adnan Faisal Tariq Asif Shahid Haris Ismail Idris Abdullah Rizwan Sohail Nabeel Sameer Aarav
        Dev Kabir Krish Neel Jai Shayan Rehan Rahim Saif Abdul Mustafa Anas Ayan Armaan""".split(),
        """Aisha Fatima Maryam Zainab Amira Hafsa Khadija Inaya Aleena Anaya Sana Ayesha Nadia Sadia Shabana
        Farzana Rukhsana Nasreen Parveen Amina Iqra Mehak Noor Zara Alisha Simran Jasleen Harleen Gurleen Navneet
        Priya Anjali Pooja Kavita Sunita Neha Riya Diya Asha Leela Saanvi Anika Tahmina Shirin Rabia Saima Bushra
        Samina Yasmin Rubina Humaira Laiba Hania Mariam Safa""".split(),
    ),
    "polish": (
        """Jakub Kacper Szymon Filip Mateusz Bartosz Michal Wojciech Piotr Tomasz Krzysztof Pawel Lukasz Adrian
        Dawid Kamil Marcin Oskar Antoni Franciszek Igor Maciej Patryk Hubert""".split(),
        """Zuzanna Julia Maja Zofia Hanna Lena Alicja Natalia Oliwia Wiktoria Amelia Agnieszka Katarzyna Magdalena
        Joanna Anna Malgorzata Ewa Karolina Monika Paulina Weronika Aleksandra Gabriela""".split(),
    ),
    "african": (
        """David Daniel Samuel Emmanuel Joshua Michael Tobi Tunde Chidi Chinedu Emeka Obinna Kwame Kofi Kwabena
        Yaw Kojo Femi Segun Ayo Dayo Olumide Abdirahman Abdullahi Mohamed Ahmed Hamza Yusuf Tendai Tatenda Tinashe
        Blessing Precious Prince Gift Godwin Ebuka Ikenna Nnamdi Somto Jayden Elijah Isaiah""".split(),
        """Grace Blessing Precious Favour Esther Mercy Joy Abigail Chioma Ngozi Amara Adaeze Ifeoma Funmilayo
        Folake Temitope Bukola Ama Akosua Abena Efua Adwoa Ayan Hodan Fadumo Sahra Ifrah Hibo Nala Zawadi Tariro
        Rutendo Nyasha Chipo Rumbidzai Comfort Deborah Ruth Miriam Naomi""".split(),
    ),
    "caribbean": (
        """Marcus Tyrone Jermaine Andre Dwayne Leon Carl Delroy Winston Errol Trevor Ricardo Kemar Shamar Jaheim
        Tyreece Nathaniel Isaiah Elijah Malachi Josiah Reuben Kingsley Desmond Clive Junior Aiden Jaden""".split(),
        """Shanice Tanisha Latoya Keisha Aaliyah Imani Kiara Jada Nia Maya Tiana Shantelle Monique Simone Jasmine
        Chantelle Marcia Paulette Beverley Sharon Donna Janelle Kimberley Tamara Kayla Kiana""".split(),
    ),
    "arabic": (
        """Omar Ahmad Yusuf Khalid Mahmoud Mustafa Ali Hassan Hussein Karim Tariq Sami Fadi Rami Nabil Samir Walid
        Amir Reza Mehdi Arash Dariush Kaveh Emre Mehmet Mustafa Burak Kerem Yasin Zaid""".split(),
        """Fatima Layla Noor Huda Rania Dina Reem Hala Lina Yasmin Salma Mariam Amal Nour Sara Zahra Shirin Leila
        Parisa Elif Zeynep Ayse Esra Merve Sumaya""".split(),
    ),
    "other": (
        """Joao Pedro Tiago Diogo Rafael Gabriel Luca Marco Andrei Mihai Stefan Ionut Tomas Lukas Jonas Wei Jun
        Hao Minh Duc Anh Nikolai Dmitri Ivan Marek""".split(),
        """Ana Beatriz Ines Mariana Sofia Giulia Chiara Elena Ioana Andreea Maria Daria Ieva Egle Mei Ling Xin Linh
        Thu Mai Anastasia Katya Olga Petra""".split(),
    ),
}

# Each heritage: its share of families and where its surnames come from.
HERITAGES = [
    ("english", 56, "british"),
    ("irish", 5, "irish"),
    ("south_asian", 18, "south_asian"),
    ("polish", 4, "polish"),
    ("african", 7, "african"),
    ("caribbean", 4, "caribbean"),
    ("arabic", 3, "arabic"),
    ("other", 3, "other"),
]
# A first name from outside the family's heritage now and then: names travel.
OTHER_HERITAGE_FIRST_NAME = 0.08
ZIPF_OFFSET = 20  # weight 1 / (rank + 20): the commonest surname about 1% of people


def _unique(names):
    return list(dict.fromkeys(names))


def _built_names() -> dict[str, list[str]]:
    macs = [f"{prefix}{root}" for root in MAC_ROOTS for prefix in ("Mc", "Mac")]
    sons = [f"{root}son" for root in SON_ROOTS]
    places = [a + b for a, b in itertools.product(_unique(PLACE_FIRST), PLACE_LAST)]
    polish = [root + ending for root in POLISH_ROOTS for ending in POLISH_ENDINGS]
    return {"macs": macs, "sons": sons, "places": places, "polish": polish}


def _ranked(common: list[str], tail: list[str], rng: random.Random) -> list[str]:
    """The listed names in their order (roughly commonest first), then the built ones shuffled
    into the tail by a fixed stream, so the stock is the same for every seed."""
    tail = [name for name in _unique(tail) if name not in set(common)]
    rng.shuffle(tail)
    return _unique(common) + tail


class _Zipf:
    def __init__(self, names: list[str]):
        self.names = names
        self.cumulative = list(itertools.accumulate(1 / (rank + ZIPF_OFFSET) for rank in range(1, len(names) + 1)))

    def draw(self, rng: random.Random) -> str:
        return self.names[bisect.bisect(self.cumulative, rng.random() * self.cumulative[-1])]


def surname_stock() -> dict[str, list[str]]:
    """Each heritage's surnames, commonest first. Fixed, whatever the seed."""
    rng = random.Random(20_261_202)
    built = _built_names()
    british_tail = ENGLISH[150:] + SCOTTISH + built["places"] + built["sons"] + built["macs"]
    return {
        "british": _ranked(ENGLISH[:150], british_tail, rng),
        "irish": _ranked(IRISH[:40], IRISH[40:] + [m for m in built["macs"] if m.startswith("Mc")], rng),
        "south_asian": _ranked(SOUTH_ASIAN, [], rng),
        "polish": _ranked(POLISH, built["polish"], rng),
        "african": _ranked(AFRICAN, [], rng),
        "caribbean": _ranked(CARIBBEAN, [], rng),
        "arabic": _ranked(ARABIC_AND_MIDDLE_EASTERN, [], rng),
        "other": _ranked(EUROPEAN_AND_OTHER, [], rng),
    }


class NameSource:
    """The names of one generated authority: its own random stream, seeded from the seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed * 6_700_417 + 11)
        self.surnames = {key: _Zipf(names) for key, names in surname_stock().items()}
        self.heritage_keys = [h for h, _, _ in HERITAGES]
        self.heritage_weights = [w for _, w, _ in HERITAGES]
        self.stock_of = {h: s for h, _, s in HERITAGES}
        self.given = {h: (_Zipf(_unique(m)), _Zipf(_unique(f))) for h, (m, f) in GIVEN.items()}

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    def heritage(self) -> str:
        return self.rng.choices(self.heritage_keys, self.heritage_weights)[0]

    def surname(self, heritage: str | None = None) -> str:
        return self.surnames[self.stock_of[heritage or self.heritage()]].draw(self.rng)

    def first_name(self, sex: str, heritage: str) -> str:
        if self.chance(OTHER_HERITAGE_FIRST_NAME):
            heritage = self.heritage()
        male, female = self.given[heritage]
        return (male if sex == "M" else female).draw(self.rng)

    def family_surname(self, heritage: str) -> str:
        """A family's surname: now and then two joined, as parents who did not marry often give
        (Smith-Khan, mostly hyphenated; a few double-barrelled with a space)."""
        surname = self.surname(heritage)
        roll = self.rng.random()
        if roll < 0.03:
            return f"{surname}-{self._other_surname(surname)}"
        if roll < 0.035:
            return f"{surname} {self._other_surname(surname)}"
        return surname

    def _other_surname(self, surname: str) -> str:
        other = self.surname()
        while other == surname:
            other = self.surname()
        return other


def stock_size() -> int:
    return len({name for names in surname_stock().values() for name in names})
