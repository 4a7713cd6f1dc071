# dict_for TARGET: the dictionary (a file name under fuzz/) a fuzz target
# runs with; scripts/fuzz.sh and fuzz/oss-fuzz/build.sh share it.
dict_for() {
  case $1 in
    ssl2_* | client_ssl2 | server_ssl2 | open_ssl2) echo ssl2.dict ;;
    certificates | private_key) echo x509.dict ;;
    decode) echo decode.dict ;;
    scenario_file) echo yaml.dict ;;
    *) echo tls.dict ;;
  esac
}
