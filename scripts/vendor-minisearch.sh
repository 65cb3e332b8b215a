#!/usr/bin/env bash
# Copies MiniSearch, the search library of the search page, from node_modules
# into static/js, with its licence. The site is built without Node: the copy
# in static/js is what it ships. To move to a new version:
#
#	npm install --save-dev --save-exact minisearch@X.Y.Z
#	bash scripts/vendor-minisearch.sh
#
# then run the tests (generator/searchindex checks that the copy matches the
# version in package.json) and commit static/js/minisearch.js with it.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

src=node_modules/minisearch
version=$(node -p 'require("./node_modules/minisearch/package.json").version')
{
	printf '/*! MiniSearch %s | MIT License | Copyright 2022 Luca Ongaro | https://github.com/lucaong/minisearch | see minisearch.LICENSE.txt */\n' "$version"
	# The source map is not shipped: drop the comment that points to it.
	grep -v "^//# sourceMappingURL=" "$src/dist/umd/index.js"
} >static/js/minisearch.js
cp "$src/LICENSE.txt" static/js/minisearch.LICENSE.txt
echo "static/js/minisearch.js: MiniSearch $version, $(wc -c <static/js/minisearch.js) bytes"
