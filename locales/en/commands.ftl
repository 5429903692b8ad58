## commands

## ledgen build (src/commands/build.rs)

build-building = Building { $year } from `{ $folder }`
build-wrote = Wrote { $path } ({ $size })
build-wrote-pages = Wrote { $path } ({ $size }, { $count } pages)
build-finished = Finished in { $seconds } s
build-brand = Brand: `{ $path }`
build-brand-none = Brand: none (no `_brand.yml` in the report folder, the content folder or the folder above it)
build-public-nothing-left-out = Public edition: no item is marked `intern`; no item is left out
build-public-leaves-out = { $count ->
    [one] Public edition leaves out { $count } item:
   *[other] Public edition leaves out { $count } items:
}
build-public-emptied-part = every item of the { $kind } "{ $title }" is confidential: the public edition leaves it out, heading and all, and says in one sentence that it is withheld
build-public-emptied-section = every item of the { $kind } "{ $title }" is confidential: the public edition keeps its heading and says in one sentence that it is withheld
build-public-emptied-block = every item of the { $kind } under "{ $title }" is confidential: the public edition says in its place in one sentence that it is withheld
build-public-block-left-out = a { $kind } is internal and left out of the public edition ({ $label })
build-public-masks = { $count ->
    [one] Public edition masks { $count } phrase:
   *[other] Public edition masks { $count } phrases:
}
build-public-masked-phrase = phrase "{ $phrase }" { $provision }
