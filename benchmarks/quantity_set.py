"""Hand-written sentences for every quantity form the reader must handle, with the
reading we expect: (span, value, low, high, unit). A span with value None must not be
read as a quantity at all. Intervals follow the documented hedges (extraction/hedges.py):
about/some/around ±5%, nearly −10%, more than/over +50%, at least up to double, up to
from zero; an unhedged written fraction is rounded, so ±5% as well.
"""

from __future__ import annotations

N = None

# (sentence, [(span, value, low, high, unit), ...]); every quantity in the sentence is listed.
SENTENCES: list[tuple[str, list[tuple]]] = [
    # hyphenated scales and units
    (
        "Engineers finished a 3.1-billion-rupee canal in the delta.",
        [("3.1-billion-rupee", 3.1e9, 3.1e9, 3.1e9, "rupee")],
    ),
    (
        "The carrier signed a US$70-million lease for two jets.",
        [("US$70-million", 70e6, 70e6, 70e6, "dollar"), ("two jets", 2, 2, 2, "jet")],
    ),
    ("Voters approved $25-million for the library.", [("$25-million", 25e6, 25e6, 25e6, "dollar")]),
    ("Pilots land on a 450-metre strip of gravel.", [("450-metre", 450, 450, 450, "metre")]),
    ("Crews poured a 12-kilometre stretch of road.", [("12-kilometre", 12, 12, 12, "kilometre")]),
    # ages
    ("A 19-year-old cyclist was taken to hospital.", [("19-year-old", 19, 19, 19, "year")]),
    ("Officers said the 52-year-old had fled on foot.", [("52-year-old", 52, 52, 52, "year")]),
    ("She retired at age 61 after decades at the mill.", [("61", 61, 61, 61, "year")]),
    # fractions and multiples
    ("Two-thirds of the tenants signed the letter.", [("Two-thirds", 66.6667, 63.3333, 70.0, "percent")]),
    ("A third of the budget goes to roads.", [("A third", 33.3333, 31.6667, 35.0, "percent")]),
    ("More than a third of the nurses quit.", [("More than a third", 33.3333, 33.3333, 50.0, "percent")]),
    ("Nearly half of the wells ran dry.", [("Nearly half", 50, 45, 50, "percent")]),
    ("The new line carries roughly twice as many riders.", [("roughly twice", 2, 1.9, 2.1, "times")]),
    ("Rents doubled in the old port district.", [("doubled", 2, 2, 2, "times")]),
    ("The waiting list nearly doubled in a year.", [("nearly doubled", 2, 1.8, 2.0, "times")]),
    ("Fares tripled after the subsidy ended.", [("tripled", 3, 3, 3, "times")]),
    ("The herd grew tenfold within a decade.", [("tenfold", 10, 10, 10, "times")]),
    ("Only one in four drivers wore a seat belt.", [("one in four", 25, 23.75, 26.25, "percent")]),
    # two values and a change, and a true range
    (
        "Unemployment rose from 5.2 per cent to 7.4 per cent.",
        [("5.2 per cent", 5.2, 5.2, 5.2, "percent"), ("7.4 per cent", 7.4, 7.4, 7.4, "percent")],
    ),
    ("Tickets cost between 40 and 90 dollars.", [("between 40 and 90 dollars", 65, 40, 90, "dollar")]),
    ("Officials expect 5,000-7,000 visitors.", [("5,000-7,000 visitors", 6000, 5000, 7000, "visitor")]),
    # glued units, symbols, rates
    ("The archive fills a 16TB disk each month.", [("16TB", 16, 16, 16, "terabyte")]),
    ("The cable tops out at 10Gb in tests.", [("10Gb", 10, 10, 10, "gigabit")]),
    ("The camera ships with 128MB of memory.", [("128MB", 128, 128, 128, "megabyte")]),
    ("The lake warmed by 2.3°C since records began.", [("2.3°C", 2.3, 2.3, 2.3, "celsius")]),
    ("Support stood at 48 per cent in May.", [("48 per cent", 48, 48, 48, "percent")]),
    ("Ferries sail at 40 km/h in the bay.", [("40 km/h", 40, 40, 40, "kilometre per hour")]),
    ("Lorries must keep to 20 mph in the village.", [("20 mph", 20, 20, 20, "mile per hour")]),
    ("The fleet runs at 55 miles per hour on the highway.", [("55 miles per hour", 55, 55, 55, "mile per hour")]),
    ("The county logged 18.4 cases per 100,000 residents.", [("18.4 cases", 18.4, 18.4, 18.4, "case")]),
    # votes and scores
    ("The board voted 6-3 to close the depot.", [("6-3", 6, 6, 6, "vote")]),
    ("Jurors returned an 11-1 verdict on Friday.", [("11-1 verdict", 11, 11, 11, "vote")]),
    ("The visitors won 4-2 in extra time.", [("4-2", 4, 4, 4, "point")]),
    # never quantities
    ("The bridge opened in 1998 after years of delay.", [("1998", N, N, N, N)]),
    ("The hearing is set for March 14, 2025.", [("March 14, 2025", N, N, N, N)]),
    ("Call the desk on 555-201-3344 for details.", [("555-201-3344", N, N, N, N)]),
    ("The shop at 14 Harbour Street has closed.", [("14 Harbour Street", N, N, N, N)]),
    ("Unions oppose zero-hours contracts.", [("zero-hours", N, N, N, N)]),
    ("The 9th Circuit heard the appeal.", [("9th", N, N, N, N)]),
    ("A new one just opened downtown.", [("one", N, N, N, N)]),
    ("The clinic opens between 10 and 6 p.m. daily.", [("10 and 6 p.m.", N, N, N, N)]),
    ("Sales of the F-150 slowed.", [("F-150", N, N, N, N)]),
    # mixed forms
    ("He served three and a half years in the post.", [("three and a half years", 3.5, 3.5, 3.5, "year")]),
    ("The repairs took over a year to finish.", [("over a year", 1, 1, 1.5, "year")]),
    ("The team hired a dozen coaches.", [("a dozen coaches", 12, 12, 12, "coach")]),
    ("The museum drew 2.5 million visitors.", [("2.5 million visitors", 2.5e6, 2.5e6, 2.5e6, "visitor")]),
    (
        "Hundreds of billions of dollars moved offshore.",
        [("Hundreds of billions of dollars", 2e11, 2e11, 1e12 - 1, "dollar")],
    ),
    # the counted thing is the head noun
    ("The city leased 900 electric scooters.", [("900 electric scooters", 900, 900, 900, "scooter")]),
    ("About 64 percent of voters surveyed backed the plan.", [("About 64 percent", 64, 60.8, 67.2, "percent")]),
    (
        "Thousands of public housing tenants will vote.",
        [("Thousands of public housing tenants", 2000, 2000, 9999, "tenant")],
    ),
    # hedges
    ("More than 700 people signed up.", [("More than 700 people", 700, 700, 1050, "person")]),
    ("The port spent about $50 million on cranes.", [("about $50 million", 50e6, 47.5e6, 52.5e6, "dollar")]),
    ("At least 30 homes were flooded.", [("At least 30 homes", 30, 30, 60, "home")]),
    ("Up to 400 jobs could go.", [("Up to 400 jobs", 400, 0, 400, "job")]),
    ("Nearly 9,000 runners finished.", [("Nearly 9,000 runners", 9000, 8100, 9000, "runner")]),
    ("Some 1,300 workers walked out.", [("Some 1,300 workers", 1300, 1235, 1365, "worker")]),
]
