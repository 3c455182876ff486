"""Time expressions: spans, types and TIMEX3 values, resolved against the publication date."""

from datetime import date

import pytest

from saidwhat.time import find_time_expressions

MON_2019 = date(2019, 4, 8)  # a Monday
FRI_1998 = date(1998, 8, 7)  # a Friday


def _triples(text, published):
    return [(e.text, e.type, e.value) for e in find_time_expressions(text, published)]


@pytest.mark.parametrize("text, published, expected", [
    # Weekdays: past by default, the publication day itself included, future with a future cue.
    ("The mayor resigned Friday after a long row.", FRI_1998, [("Friday", "DATE", "1998-08-07")]),
    ("The mayor said on Saturday that he was tired.", MON_2019, [("Saturday", "DATE", "2019-04-06")]),
    ("The council will vote on Thursday on the budget.", MON_2019, [("Thursday", "DATE", "2019-04-11")]),
    ("The panel is due to hold its first hearing on Thursday.", MON_2019,
     [("Thursday", "DATE", "2019-04-11")]),
    ("The club lost on Thursday, its coach said.", MON_2019, [("Thursday", "DATE", "2019-04-04")]),
    ("Ticket sales end next Tuesday.", FRI_1998, [("next Tuesday", "DATE", "1998-08-11")]),
    ("She left last Wednesday.", MON_2019, [("last Wednesday", "DATE", "2019-04-03")]),
    ("Rescuers arrived Tuesday morning.", MON_2019, [("Tuesday morning", "DATE", "2019-04-02TMO")]),
    # Absolute dates.
    ("The treaty was signed on March 5, 1946, in a small town.", MON_2019, [("March 5, 1946", "DATE", "1946-03-05")]),
    ("The fair ran Feb. 27-28 in the capital.", MON_2019, [("Feb. 27-28", "DATE", "2019-02-27/2019-02-28")]),
    ("The firm opened its doors in 2017.", MON_2019, [("2017", "DATE", "2017")]),
    ("He fought in the 1950-53 war.", MON_2019, [("1950-53", "DATE", "1950/1953")]),
    ("Talks collapsed in late February.", MON_2019, [("late February", "DATE", "2019-02")]),
    ("The plant closed in January 1998.", MON_2019, [("January 1998", "DATE", "1998-01")]),
    ("Prices rose sharply in the 1960s.", MON_2019, [("the 1960s", "DATE", "196X")]),
    ("The rule was adopted on 2018-11-03.", MON_2019, [("2018-11-03", "DATE", "2018-11-03")]),
    ("Exports grew in the third quarter of 2018.", MON_2019, [("the third quarter of 2018", "DATE", "2018-Q3")]),
    ("They married on Christmas Day 2001.", MON_2019, [("Christmas Day 2001", "DATE", "2001-12-25")]),
    # Relative to the publication date.
    ("Sales slowed last week.", FRI_1998, [("last week", "DATE", "1998-W31")]),
    ("Sales slowed this month.", FRI_1998, [("this month", "DATE", "1998-08")]),
    ("The show opens tonight.", FRI_1998, [("tonight", "DATE", "1998-08-07TNI")]),
    ("The show opened yesterday.", FRI_1998, [("yesterday", "DATE", "1998-08-06")]),
    ("The show opens today.", FRI_1998, [("today", "DATE", "1998-08-07")]),
    ("The show opens tomorrow.", FRI_1998, [("tomorrow", "DATE", "1998-08-08")]),
    ("The firm was founded three years ago.", FRI_1998, [("three years ago", "DATE", "1995")]),
    ("The bridge was repaired last fall.", date(1999, 4, 10), [("last fall", "DATE", "1998-FA")]),
    ("Snow fell all winter, farmers said.", FRI_1998, [("winter", "DATE", "1998-WI")]),
    ("Snow will fall all winter.", FRI_1998, [("winter", "DATE", "1999-WI")]),
    ("Winter is hard on the poor.", FRI_1998, [("Winter", "DATE", "XXXX-WI")]),
    # Durations, references and sets.
    ("The siege lasted three years.", MON_2019, [("three years", "DURATION", "P3Y")]),
    ("After a 16-hour flight she slept.", MON_2019, [("16-hour", "DURATION", "PT16H")]),
    ("The trip took 5 1/2 hours.", MON_2019, [("5 1/2 hours", "DURATION", "PT5H30M")]),
    ("Output fell over the past three years.", MON_2019, [("the past three years", "DURATION", "P3Y")]),
    ("The town is now quiet.", MON_2019, [("now", "DATE", "PRESENT_REF")]),
    ("The firm currently employs 40 people.", MON_2019, [("currently", "DATE", "PRESENT_REF")]),
    ("He recently moved to Lyon.", MON_2019, [("recently", "DATE", "PAST_REF")]),
    ("Such crimes belong to the past.", MON_2019, [("the past", "DATE", "PAST_REF")]),
    ("Nobody can predict the future.", MON_2019, [("the future", "DATE", "FUTURE_REF")]),
    ("The board meets every week.", MON_2019, [("every week", "SET", "P1W")]),
    ("The paper appears weekly.", MON_2019, [("weekly", "SET", "P1W")]),
    ("They trained twice a day.", MON_2019, [("twice a day", "SET", "P1D")]),
    ("Bonuses are paid every three months.", MON_2019, [("every three months", "SET", "P3M")]),
    # Times of day take the date written next to them.
    ("The blast came at 10:35 a.m. Friday.", FRI_1998, [("10:35 a.m. Friday", "TIME", "1998-08-07T10:35")]),
    ("The doors open at 9 p.m.", FRI_1998, [("9 p.m.", "TIME", "1998-08-07T21:00")]),
    ("Kickoff is at 7:30 tonight.", FRI_1998, [("7:30 tonight", "TIME", "1998-08-07T19:30")]),
    ("He will leave at 4 in the morning.", FRI_1998, [("4 in the morning", "TIME", "1998-08-07T04:00")]),
    # More date shapes.
    ("The summit will run on June 24 and 25.", MON_2019,
     [("June 24", "DATE", "2019-06-24"), ("25", "DATE", "2019-06-25")]),
    ("She was born on 12 June 1950 in Paris.", MON_2019, [("12 June 1950", "DATE", "1950-06-12")]),
    ("Profits doubled in the first half of 2018.", MON_2019, [("the first half of 2018", "DATE", "2018-H1")]),
    ("Rates will rise at the end of this month.", MON_2019, [("the end of this month", "DATE", "2019-04")]),
    ("The plant opens in April next year.", MON_2019, [("April next year", "DATE", "2020-04")]),
    ("The tour began on June 16th of last year.", MON_2019, [("June 16th of last year", "DATE", "2018-06-16")]),
    ("Delegates met at the 2018 spring conference.", MON_2019, [("2018 spring", "DATE", "2018-SP")]),
    ("In the 19th century the town was a port.", MON_2019, [("the 19th century", "DATE", "18")]),
    ("The firm has grown since the post-1990 boom.", MON_2019, [("post-1990", "DATE", "1990")]),
    ("On Monday, Oct. 26, the board met.", MON_2019, [("Monday, Oct. 26", "DATE", "2020-10-26")]),
    ("Prices rose 4 percent compared with a year earlier.", MON_2019, [("a year earlier", "DATE", "2018")]),
    ("Crowds gathered this past weekend.", date(2013, 3, 14), [("this past weekend", "DATE", "2013-W10-WE")]),
    ("Profit fell in Q4 2012.", MON_2019, [("Q4 2012", "DATE", "2012-Q4")]),
    ("The firm grew in the mid-1990s.", MON_2019, [("the mid-1990s", "DATE", "199X")]),
    ("Talks ended late last year.", MON_2019, [("late last year", "DATE", "2018")]),
    ("The plant has run daily for the past decade.", MON_2019,
     [("daily", "SET", "P1D"), ("the past decade", "DURATION", "P10Y")]),
    ("Rates will rise by the end of the year.", MON_2019, [("the end of the year", "DATE", "2019")]),
    ("He moved in 1994. Later in the year he left.", MON_2019,
     [("1994", "DATE", "1994"), ("the year", "DATE", "1994")]),
    ("Critics panned Monday’s debate.", date(2016, 9, 30), [("Monday’s", "DATE", "2016-09-26")]),
    ("Nobody knows Tomas’s future.", MON_2019, [("future", "DATE", "FUTURE_REF")]),
    # Values that hang on an earlier date in the text.
    ("The vote was held on May 3, 1999. The next day, riots broke out.", FRI_1998,
     [("May 3, 1999", "DATE", "1999-05-03"), ("The next day", "DATE", "1999-05-04")]),
])
def test_time_find_values(text, published, expected):
    assert _triples(text, published) == expected


@pytest.mark.parametrize("text", [
    "May we go home, she asked.",  # "May" as a modal verb
    "Protesters plan to march on the capital.",
    "Crowds joined the annual March for Peace.",
    "She finished second in the race.",
    "The Sunday Times published the letter.",
    "About 1500 people marched through the town.",
    "He drove a 1987 Chevrolet to work.",
    "April Jones is the new treasurer.",
    "Watch it on CBS This Morning.",
    "She told USA Today about it.",
    "It was the year of the dragon.",
    "Prices fall when supply rises.",
    "The victim was a 44-year-old teacher.",
    "She won a second term and a quarter of the vote.",
    "The score was 3:2 at the break.",
    "The walk took them past the old mill.",
    "",
])
def test_time_find_nothing(text):
    assert find_time_expressions(text, MON_2019) == []


@pytest.mark.parametrize("text, expected_value", [
    ("The rally took place on Friday.", "XXXX-WXX-5"),
    ("Sales slowed last week.", "XXXX-WXX"),
    ("It happened yesterday.", None),
    ("The siege lasted three years.", "P3Y"),
    ("The treaty was signed on March 5, 1946.", "1946-03-05"),
    ("The fair opens on April 4.", "XXXX-04-04"),
])
def test_time_find_without_publication_date(text, expected_value):
    exprs = find_time_expressions(text, None)
    assert len(exprs) == 1 and exprs[0].value == expected_value


def test_time_find_offsets_index_the_text_as_given():
    text = "``Fine,'' he said.\n\nOn Friday, the İstanbul office closed; by Monday it reopened."
    exprs = find_time_expressions(text, FRI_1998)
    assert [e.text for e in exprs] == ["Friday", "Monday"]
    for e in exprs:
        assert text[e.start:e.end] == e.text
    assert all(a.end <= b.start for a, b in zip(exprs, exprs[1:]))
