"""Name resolution depends on the set of names seen, not on their order."""
import random

from kg.pipeline.resolve import NameIndex, _extends

NAMES = [("大栅栏街道总工会", "union"), ("西城区大栅栏街道总工会", "union"), ("门头沟工会", "union"),
         ("门头沟区总工会", "union"), ("广外街道工会", "union"), ("广外街道总工会", "union"),
         ("昌平区女工委", "org"), ("昌平区总工会女工委", "org"), ("北京皮鞋厂工会", "union"),
         ("北京市皮鞋厂工会", "union"), ("赵全营工会", "org"), ("赵全营镇总工会", "union"),
         ("赵全营工会", "union"), ("某公司", "org"), ("宝鸡市金台区总工会", "union"), ("金台区总工会", "union"),
         ("天津市滨海新区总工会", "union"), ("滨海新区工会", "union"),
         ("吉林省总工会", "union"), ("吉林省工会", "union")]


def _resolved(observations):
    index = NameIndex()
    for name, kind in observations:
        index.add(name, kind)
    index.resolve()
    return {n: (index.canonical(n), index.kinds[n], tuple(index.aliases(index.canonical(n)))) for n in index.kinds}


def test_any_order_resolves_alike():
    expected = _resolved(NAMES)
    for seed in range(5):
        shuffled = NAMES[:]
        random.Random(seed).shuffle(shuffled)
        assert _resolved(shuffled) == expected


def test_merges_match_the_pairwise_rule():
    index = NameIndex()
    for name, kind in NAMES:
        index.add(name, kind)
    index.resolve()
    assert index.canonical("门头沟工会") == "门头沟区总工会"
    assert index.canonical("大栅栏街道总工会") == "西城区大栅栏街道总工会"
    assert index.canonical("昌平区女工委") == "昌平区总工会女工委"
    assert index.kinds["赵全营工会"] == "union"  # a union once, a union always
    assert _extends("门头沟区总工会", "门头沟工会")
    # a city's 市 before the district: the comparison keys drop it, the written names keep it
    assert index.canonical("金台区总工会") == "宝鸡市金台区总工会"
    assert index.canonical("滨海新区工会") == "天津市滨海新区总工会"
    assert index.canonical("吉林省工会") == "吉林省总工会"
