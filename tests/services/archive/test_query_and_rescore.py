from claimtrack.archive_search.bm25 import BM25Index
from claimtrack.archive_search.query import clean_query, search_terms
from claimtrack.archive_search.rescore import Candidate, RescoreConfig, describe, score


def test_clean_query_strips_links_and_the_tweet_signature():
    q = clean_query(
        "Trump Just Declared To Ban Veils! https://t.co/TajLeL4tA4 pic.twitter.com/ygE8EOb300"
        "— Some One (@someone409) February 4, 2017"
    )
    assert q.text == "Trump Just Declared To Ban Veils!"
    assert q.author == "Some One"


def test_search_text_adds_the_posts_author_and_drops_a_retweet_marker():
    q = clean_query(
        "RT There is a story going around that I stormed out of the speech. "
        "— Luis V. Gutierrez (@RepGutierrez) January 31, 2018"
    )
    assert q.text == "There is a story going around that I stormed out of the speech."
    assert q.search_text == q.text + " Luis V. Gutierrez"
    assert "gutierrez" in search_terms(q.search_text)
    plain = clean_query("RT-PCR tests: RTL news")
    assert plain.search_text == plain.text == "RT-PCR tests: RTL news"


def test_clean_query_splits_hashtags_and_handles():
    q = clean_query("Thanks @IlhanMN for nothing #AustralianFires#Climate2020")
    assert q.text == "Thanks Ilhan MN for nothing Australian Fires Climate 2020"
    assert q.author is None


def test_search_terms_drop_stop_words_clitics_and_repeats():
    assert search_terms("The President's plan: the plan is \"FIRE\" them; you're fired") == [
        "president",
        "plan",
        "fire",
        "fired",
    ]
    assert search_terms("ö ü 1") == ["1"]


def test_bm25_prefers_rare_shared_terms():
    index = BM25Index([("a", "the cat sat on the mat"), ("b", "a zebra on the road"), ("c", "the the the")])
    assert [key for key, _ in index.search("zebra the", 3)][0] == "b"
    assert index.search("unknownword") == []


def test_rescoring_lifts_the_paraphrase_over_a_keyword_lookalike():
    query = clean_query(
        "Unbelievable: 122 Guantanamo detainees released by Obama re-engaged in terrorist "
        "activities https://t.co/x — A Person (@aperson) May 1, 2019"
    )
    lookalike = Candidate(
        "lookalike",
        "Obama visited Guantanamo Bay and said the prison costs too much.",
        "Obama Guantanamo visit",
        retrieval=10.0,
    )
    paraphrase = Candidate(
        "paraphrase",
        "122 detainees released from Guantanamo under President Obama have re-engaged in terrorist activities.",
        "Did 122 Prisoners Released from Guantanamo Return to Terror?",
        retrieval=8.0,
    )
    cands = [lookalike, paraphrase]
    describe(query, cands)
    assert [c.key for c in score(cands)] == ["paraphrase", "lookalike"]
    retrieval_only = RescoreConfig(**{name: 0.0 for name in RescoreConfig.__dataclass_fields__} | {"retrieval": 1.0})
    assert [c.key for c in score(cands, retrieval_only)] == ["lookalike", "paraphrase"]
    assert any(r.startswith("shared terms:") for r in paraphrase.reasons)
    assert 0.0 <= paraphrase.score <= 1.0
