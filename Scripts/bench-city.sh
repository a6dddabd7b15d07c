# Sourced by the benchmarks that load a synthetic city and read it while its next snapshot is
# applied (bench-server.sh, load-during-sync.sh), so they build the same city the same way.
# Needs $bin (the release binaries), $work (a scratch folder) and KYOSEI_DB exported.

# city_loaded RESIDENTS: writes the city's two snapshots into $work, creates the database,
# applies the first and raises its cases; sets $first and $second to the two files.
city_loaded() {
  "$bin/kyosei-bench" generate --residents "$1" --out "$work" >&2
  first=$(ls "$work"/first/REG-*.csv)
  second=$(ls "$work"/second/REG-*.csv)
  "$bin/kyosei" init > /dev/null
  "$bin/kyosei" sync register "$first" > /dev/null
  "$bin/kyosei" rules run > /dev/null
  echo "loaded $1 residents and $(sqlite3 "$KYOSEI_DB" 'SELECT count(*) FROM cases') cases" >&2
}

# what_to_ask: 200 surnames and 200 resident ids of the city, in $work/names.txt and ids.txt.
what_to_ask() {
  sqlite3 "$KYOSEI_DB" "SELECT substr(name_latin, 1, instr(name_latin || ' ', ' ') - 1) FROM resident ORDER BY random() LIMIT 200" > "$work/names.txt"
  sqlite3 "$KYOSEI_DB" "SELECT id FROM resident ORDER BY random() LIMIT 200" > "$work/ids.txt"
}
