"""Ten news pages written for the boilerplate tests, each shaped like a real outlet's template.

Each page is ``(name, html, body, boilerplate)``: ``body`` holds sentences of the article that must be
kept, ``boilerplate`` strings of the page around it (navigation, related links, bylines, captions,
galleries, newsletter boxes, standards notes, copyright footers, advice boxes) that must not be.
All text is invented for these tests.
"""

from __future__ import annotations

HEAD = ('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{title} | {site}</title>'
        '<meta property="og:site_name" content="{site}"><meta property="og:title" content="{title}">'
        '<meta property="article:published_time" content="{date}T08:00:00Z">'
        '<script>window.dataLayer = [{{"page": "article"}}];</script><style>.nav{{color:red}}</style></head>')


def _head(title: str, site: str, date: str) -> str:
    return HEAD.format(title=title, site=site, date=date)


def _ps(paragraphs) -> str:
    return "".join(f"<p>{p}</p>" for p in paragraphs)


PAGES = []

# 1. A wire story: top navigation, byline, "Our Standards" footer, related links.
_body = [
    "The port authority of Selbury said on Tuesday it would double the number of night shifts after a "
    "record month for container traffic.",
    "\u201cWe have never moved this many boxes in thirty days,\u201d said Irene Castell, the authority's "
    "chief executive, at a briefing in the harbour office.",
    "Castell said the new shifts would start in May and would be filled by workers from two firms that "
    "already operate cranes at the western quay.",
    "Union representatives said they had not been consulted and would seek a meeting with the board "
    "before the end of the month.",
]
PAGES.append(("wire", _head("Selbury port to add night shifts", "Meridian Wire", "2023-04-11")
              + '<body><header><nav class="site-nav"><a href="/">World</a> <a href="/business">Business</a> '
              '<a href="/markets">Markets</a> <a href="/tech">Technology</a></nav></header>'
              '<main><article><h1>Selbury port to add night shifts</h1>'
              '<div class="byline">By Tom Arden and Lise Moreau</div>'
              '<div class="article-body">' + _ps(_body) +
              '<p>Reporting by Tom Arden; Editing by Lise Moreau</p>'
              '<p>Our Standards: The Meridian Wire Trust Principles.</p></div></article>'
              '<section class="related-stories"><h2>Related</h2><ul><li><a href="/a">Crane maker '
              'posts higher profit</a></li><li><a href="/b">Shipping rates fall for third week</a>'
              '</li></ul></section></main><footer>\u00a9 2023 Meridian Wire. All rights reserved.</footer>'
              '</body></html>',
              _body, ["Our Standards", "Trust Principles", "Crane maker posts higher profit", "Markets",
                      "By Tom Arden", "All rights reserved", "Editing by"]))

# 2. A tabloid: picture gallery with "Show all 24", captions, share bar.
_body = [
    "Residents of Harrow Lane were told to leave their homes on Sunday night after a burst water main "
    "flooded the street.",
    "\u201cThe water came up to the second step in ten minutes,\u201d said Dennis Ogle, 64, who has lived "
    "on the lane for thirty years.",
    "The water company said engineers had closed the main by midnight and that repairs would take "
    "at least two days.",
    "The council said it had opened the community hall for families who could not stay with relatives.",
]
PAGES.append(("tabloid", _head("Street flooded as water main bursts", "Daily Beacon", "2023-02-05")
              + '<body><div class="top-bar"><a href="/">Home</a><a href="/news">News</a>'
              '<a href="/sport">Sport</a><a href="/tv">TV</a></div>'
              '<article><h1>Street flooded as water main bursts</h1>'
              '<div class="share-bar"><a href="#">Share on Facebook</a><a href="#">Share on X</a></div>'
              '<figure class="gallery"><img src="/g1.jpg"><figcaption>Firefighters pump water from a '
              'house on Harrow Lane (Image: Beacon Pictures)</figcaption><a class="gallery-more" '
              'href="#">Show all 24</a></figure>' + _ps(_body[:2]) +
              '<div class="newsletter-signup"><p>Sign up to our free daily newsletter here</p>'
              '<form><input name="email"><button>Subscribe</button></form></div>' + _ps(_body[2:]) +
              '</article><div class="most-read"><h3>Most Read</h3><a href="/x">Star reveals wedding '
              'plans</a></div></body></html>',
              _body, ["Show all 24", "Firefighters pump water", "Sign up to our free daily newsletter",
                      "Share on Facebook", "Star reveals wedding plans", "Most Read"]))

# 3. A broadsheet: standfirst, author bio box, inline "Read more" links, cookie banner.
_body = [
    "The education ministry will publish school league tables again next year, the minister said on "
    "Thursday, reversing a decision taken by her predecessor.",
    "\u201cParents have a right to know how their children's schools are doing,\u201d Maria Esteve told "
    "the education committee.",
    "Teachers' unions said the tables punished schools in poorer areas and promised to campaign "
    "against the change.",
    "According to the ministry, the first tables will cover results from the summer examinations.",
]
PAGES.append(("broadsheet", _head("League tables to return", "The Northern Review", "2023-09-14")
              + '<body><div id="cookie-banner">We use cookies to improve your experience. Accept all'
              '</div><nav><ul><li>UK</li><li>Politics</li><li>Opinion</li></ul></nav>'
              '<article class="content"><h1>League tables to return</h1>'
              '<p class="standfirst">Minister reverses predecessor\'s decision</p>' + _ps(_body[:2]) +
              '<p><strong>Read more: <a href="/y">How league tables changed schools</a></strong></p>'
              + _ps(_body[2:]) +
              '<div class="author-bio"><p>Anna Kell is education correspondent of The Northern Review. '
              'She previously covered health.</p></div></article>'
              '<footer><p>Copyright 2023 The Northern Review Ltd</p><a href="/terms">Terms</a></footer>'
              '</body></html>',
              _body, ["We use cookies", "How league tables changed schools", "education correspondent",
                      "Copyright 2023", "Opinion"]))

# 4. A local paper: a sidebar of links, "Advertisement" slots, a trending rail.
_body = [
    "Plans for a new cycle path between Ashby and Morton were approved by the county planning board "
    "on Wednesday evening.",
    "\u201cThis is the safest route for children going to the secondary school,\u201d said councillor "
    "Peter Hale, who proposed the scheme.",
    "The path will follow the old railway line for most of its four miles and is due to open next spring.",
    "Two farmers who own land beside the route said they would ask the board to move a section away "
    "from their fields.",
]
PAGES.append(("local", _head("Cycle path approved", "Ashby Gazette", "2023-06-07")
              + '<body><nav class="menu"><a href="/">News</a><a href="/what-on">What\'s On</a>'
              '<a href="/jobs">Jobs</a></nav><div class="container"><div class="main">'
              '<h1>Cycle path approved</h1>' + _ps(_body[:2]) +
              '<div class="ad-slot"><p>Advertisement</p></div>' + _ps(_body[2:]) + '</div>'
              '<aside class="sidebar"><h3>Trending</h3><ul><li><a href="/1">Pub to reopen after '
              'fire</a></li><li><a href="/2">School wins chess title</a></li></ul></aside></div>'
              '<footer>Ashby Gazette, 12 High Street. Part of Shire Media.</footer></body></html>',
              _body, ["Pub to reopen after fire", "School wins chess title", "Advertisement", "What's On",
                      "Part of Shire Media"]))

# 5. A broadcaster: video caption, "More on this story", topic tags, an advice box.
_body = [
    "Calls to a national mental health line rose by a fifth last winter, figures published on Monday "
    "show.",
    "\u201cMore people are reaching out, which is a good thing, but we need more volunteers,\u201d said "
    "Grace Obi, who runs the line.",
    "The health department said it would add funding for training in the autumn.",
    "Opposition politicians said the money would not cover the waiting lists for therapy.",
]
PAGES.append(("broadcaster", _head("Calls to mental health line rise", "Channel Nine News", "2023-03-20")
              + '<body><header><a href="/">Home</a> <a href="/news">News</a> <a href="/weather">Weather'
              '</a> <a href="/iplayer">Watch</a></header><div class="story-body">'
              '<h1>Calls to mental health line rise</h1><figure class="media-player"><figcaption>'
              'Video caption: Volunteers answer calls at the centre</figcaption></figure>'
              + _ps(_body) +
              '<div class="advice-box"><p>If you have been affected by the issues in this story, help '
              'and support is available from the Calm Line on 0800 000 000.</p></div>'
              '<div class="story-more"><h2>More on this story</h2><a href="/m">Winter pressures on '
              'hospitals</a></div><ul class="tags"><li>Health</li><li>Mental health</li></ul></div>'
              '</body></html>',
              _body, ["Video caption", "If you have been affected", "Winter pressures on hospitals",
                      "More on this story", "Weather"]))

# 6. A magazine: pull quote repeated from the text, a "You may also like" carousel, social follow.
_body = [
    "The architect Lena Marsh says the city's new library was designed to feel like a covered street.",
    "\u201cI wanted people to walk through it even if they never borrow a book,\u201d Marsh said in an "
    "interview at her studio.",
    "The building opened in March and has had more than ninety thousand visitors, according to the city.",
    "Critics have praised the reading rooms but said the cafe was too small for the crowds.",
]
PAGES.append(("magazine", _head("A library like a street", "Form Quarterly", "2023-05-02")
              + '<body><nav><a href="/design">Design</a><a href="/cities">Cities</a></nav><article>'
              '<h1>A library like a street</h1><p class="byline">Words by Ruth Lane. Photographs by '
              'Ivo Sand.</p>' + _ps(_body) +
              '<div class="recommended carousel"><h3>You may also like</h3><a href="/r1">Ten bridges '
              'worth a detour</a><a href="/r2">Inside the tiny house movement</a></div>'
              '<div class="social-follow"><p>Follow us on Instagram</p></div></article>'
              '<footer>Form Quarterly is published by Orbit Press. All rights reserved.</footer>'
              '</body></html>',
              _body, ["Ten bridges worth a detour", "Follow us on Instagram", "Words by Ruth Lane",
                      "All rights reserved", "Inside the tiny house"]))

# 7. A financial site: market ticker, breadcrumb, disclaimer, "Sign up here" inline.
_body = [
    "Orla Foods shares fell 8 percent on Friday after the company cut its profit forecast for the year.",
    "The company said higher prices for wheat and energy had cost it more than it expected.",
    "\u201cWe are not passing every cost on to shoppers, and that hurts our margins,\u201d chief financial "
    "officer Jonas Berg told analysts on a call.",
    "Analysts at two banks lowered their price targets for the stock after the call.",
]
PAGES.append(("financial", _head("Orla Foods cuts forecast", "Ledger Markets", "2023-10-20")
              + '<body><div class="ticker">FTSE 7,402 +0.3% DAX 15,100 -0.2%</div>'
              '<ol class="breadcrumbs"><li>Markets</li><li>Companies</li></ol><article>'
              '<h1>Orla Foods cuts forecast</h1>' + _ps(_body[:2]) +
              '<p>Sign up here for our morning markets newsletter.</p>' + _ps(_body[2:]) +
              '<div class="disclaimer"><p>This article is for information only and is not investment '
              'advice.</p></div></article></body></html>',
              _body, ["FTSE 7,402", "Sign up here", "not investment advice", "Companies"]))

# 8. A sports page: a match facts table, a poll, a comments teaser.
_body = [
    "Riverton won the regional cup on Saturday, beating Eastfield 2-1 with a goal in the last minute.",
    "\u201cI just hit it and hoped,\u201d said the Riverton striker Sam Dale, who scored the winner.",
    "Eastfield's coach said his side had been the better team for most of the second half.",
    "The two sides meet again in the league in three weeks.",
]
PAGES.append(("sport", _head("Late goal wins cup for Riverton", "Sportsline", "2023-05-13")
              + '<body><nav><a href="/football">Football</a><a href="/cricket">Cricket</a></nav>'
              '<article><h1>Late goal wins cup for Riverton</h1>' + _ps(_body) +
              '<div class="poll"><p>Who was your man of the match?</p><form><button>Vote</button>'
              '</form></div><div class="comments-teaser"><p>Join the conversation: 214 comments</p>'
              '</div></article><div class="promo"><a href="/tickets">Buy tickets for the final</a>'
              '</div></body></html>',
              _body, ["Who was your man of the match", "214 comments", "Buy tickets", "Cricket"]))

# 9. A science desk: an image with credit, "Related coverage:" list, correction-free footer.
_body = [
    "Researchers at Carrow University say a common garden weed can clean heavy metals from soil.",
    "The team grew the plant in soil from an old mine and measured how much lead it took up over a "
    "season.",
    "\u201cIt is cheap, it grows anywhere and it does the work for us,\u201d said the study's lead author, "
    "Dr Helen Ivers.",
    "Other scientists said the results would need to be repeated in larger fields before councils "
    "could rely on the method.",
]
PAGES.append(("science", _head("Weed cleans mine soil", "Science Daily Post", "2023-08-01")
              + '<body><nav><a href="/space">Space</a><a href="/earth">Earth</a></nav><article>'
              '<h1>Weed cleans mine soil</h1><div class="image-block"><img src="/w.jpg">'
              '<p class="credit">Photo: Carrow University press office</p></div>' + _ps(_body) +
              '<p>Related coverage: Mines leave a toxic legacy; Plants that eat pollution</p>'
              '</article><footer><p>\u00a9 Science Daily Post 2023</p></footer></body></html>',
              _body, ["Photo: Carrow University", "Related coverage", "toxic legacy",
                      "\u00a9 Science Daily Post"]))

# 10. A page without <article>: paragraphs in divs, a "Story continues below" slot, a paywall box.
_body = [
    "The city's bus operator will cut fares for under-18s to one pound from September, its owner said "
    "on Monday.",
    "\u201cYoung people are our passengers of the future,\u201d said Karim Haddad, managing director of "
    "City Lines.",
    "The operator said it expected the cheaper fare to add about a million journeys a year.",
    "Campaigners for better public transport welcomed the cut but said services in the evenings were "
    "still too thin.",
]
PAGES.append(("no-article-tag", _head("Bus fares cut for young people", "Metro Herald", "2023-07-03")
              + '<body><div id="header"><a href="/">Metro Herald</a> <a href="/news">News</a> '
              '<a href="/traffic">Traffic</a></div><div id="content"><h1>Bus fares cut for young people'
              '</h1><div class="text">' + _ps(_body[:2]) +
              '<p>Story continues below advertisement</p>' + _ps(_body[2:]) + '</div>'
              '<div class="paywall-box"><p>Subscribe now for unlimited access to Metro Herald</p></div>'
              '</div><div id="footer"><p>Copyright 2023 Metro Herald</p></div></body></html>',
              _body, ["Story continues below", "Subscribe now for unlimited access", "Copyright 2023",
                      "Traffic"]))
