#!/usr/bin/env bash
# Copies MiniSearch's SearchableMap, the radix tree the search page looks
# words up in (by prefix, and within an edit distance for typos), from
# node_modules into static/js, with its licence. The search page needs no
# more of MiniSearch: the index is routed by term and scored at build time
# (generator/searchindex). Upstream's UMD build of SearchableMap names its
# global MiniSearch. The site is built without Node: the copy
# in static/js is what it ships. To move to a new version:
#
#	npm install --save-dev --save-exact minisearch@X.Y.Z
#	bash scripts/vendor-minisearch.sh
#
# then run the tests (generator/searchindex checks that the copy matches the
# version in package.json) and commit static/js/searchablemap.js with it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

src=node_modules/minisearch
version=$(node -p 'require("./node_modules/minisearch/package.json").version')
{
	printf '/*! MiniSearch %s SearchableMap | MIT License | Copyright 2022 Luca Ongaro | https://github.com/lucaong/minisearch | see minisearch.LICENSE.txt */\n' "$version"
	# The source map is not shipped: drop the comment that points to it.
	grep -v "^//# sourceMappingURL=" "$src/dist/umd/SearchableMap.js"
} >static/js/searchablemap.js
cp "$src/LICENSE.txt" static/js/minisearch.LICENSE.txt
echo "static/js/searchablemap.js: MiniSearch $version SearchableMap, $(wc -c <static/js/searchablemap.js) bytes"
